import type { Ctx, Locale } from '@zemstvo/kernel';
import { createUser } from './create-user.ts';
import { openSession, type NewSession } from './login.ts';

export interface RegisterResidentInput {
  email: string;
  displayName: string;
  password: string;
  locale: Locale;
  ip: string | null;
  userAgent: string | null;
}

/**
 * A resident signs up with e-mail and password (the password policy applies; a taken e-mail is
 * `email_taken`) and is signed in at once. The new account is audited by `createUser`.
 */
export async function registerResident(ctx: Ctx, input: RegisterResidentInput): Promise<NewSession> {
  const user = await createUser(ctx, {
    email: input.email,
    displayName: input.displayName,
    kind: 'resident',
    locale: input.locale,
    password: input.password,
  });
  return openSession(ctx, user, input.ip, input.userAgent);
}
