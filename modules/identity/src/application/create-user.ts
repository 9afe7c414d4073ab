import { writeAudit } from '@zemstvo/audit';
import { badRequest, conflict, type Ctx, type UserKind } from '@zemstvo/kernel';
import { publicUser, usersRepo, type UserRecord } from '../infra/users.repository.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  kind: UserKind;
  regionId?: string | null;
  locale?: 'ru' | 'en';
  /** Omit for accounts that log in only through an identity provider or a reset link. */
  password?: string | null;
}

const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;
export const isValidEmail = (email: string): boolean => EMAIL_RE.test(email.trim());
const UNIQUE_VIOLATION = '23505';

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserRecord> {
  const email = input.email.trim();
  if (!EMAIL_RE.test(email)) throw badRequest('bad_email', 'This is not a valid e-mail address');
  if (input.kind === 'regional' && !input.regionId)
    throw badRequest('region_required', 'A regional user needs a region');
  if (await usersRepo.byEmail(ctx.tx, email))
    throw conflict('email_taken', 'A user with this e-mail already exists');
  let passwordHash: string | null = null;
  if (input.password) {
    checkPasswordPolicy(input.password, email);
    passwordHash = await hashPassword(input.password);
  }
  const user = await usersRepo
    .insert(ctx.tx, {
      email,
      displayName: input.displayName.trim(),
      kind: input.kind,
      regionId: input.regionId ?? null,
      locale: input.locale ?? 'ru',
      passwordHash,
      now: ctx.clock.now(),
    })
    .catch((e: unknown) => {
      // Two sign-ups with one e-mail at the same moment: the unique index decides.
      if ((e as { code?: string }).code === UNIQUE_VIOLATION)
        throw conflict('email_taken', 'A user with this e-mail already exists');
      throw e;
    });
  await writeAudit(ctx, {
    action: 'user.created',
    entity: 'user',
    entityId: user.id,
    after: publicUser(user),
    municipalityId: null,
  });
  return user;
}
