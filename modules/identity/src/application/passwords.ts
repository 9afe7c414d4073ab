import { hash, verify } from '@node-rs/argon2';
import { badRequest } from '@zemstvo/kernel';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const PARAMS = {
  algorithm: 2 /* Argon2id (a const enum in the typings) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => hash(password, PARAMS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    await hash(password, PARAMS); // same cost either way: no timing hint that the account is unusable
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Password policy: long enough, not trivially weak. Messages are shown to the user. */
export function checkPasswordPolicy(password: string, email?: string): void {
  if (password.length < 10)
    throw badRequest('weak_password', 'The password must be at least 10 characters long');
  if (password.length > 200)
    throw badRequest('weak_password', 'The password must be at most 200 characters long');
  if (/^(.)\1+$/.test(password))
    throw badRequest('weak_password', 'The password must not repeat one character');
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()))
    throw badRequest('weak_password', 'The password must not contain your e-mail name');
}
