import { writeAudit } from '@zemstvo/audit';
import { AppError, newSecret, sha256Hex, type Ctx } from '@zemstvo/kernel';
import { sessionsRepo } from '../infra/sessions.repository.ts';
import { publicUser, usersRepo, type UserRecord } from '../infra/users.repository.ts';
import { verifyPassword } from './passwords.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** A session ends after 12 hours without requests… */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** …and 30 days after sign-in, however active. */
export const SESSION_MAX_MS = 30 * 86_400_000;

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: ReturnType<typeof publicUser>;
}

const invalid = () => new AppError('invalid_credentials', 'Wrong e-mail or password', 401);

/**
 * A refused sign-in is an outcome, not a throw: the failed-attempt counter and its audit record
 * are written in the use case's transaction, which must commit for the lock-out to work.
 */
export type LoginOutcome = { ok: true; session: NewSession } | { ok: false; error: AppError };

/**
 * Checks the password and opens a session. Five wrong passwords in a row lock the account for
 * fifteen minutes; a locked account answers the same way whether or not the password is right.
 */
export async function login(
  ctx: Ctx,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginOutcome> {
  const now = ctx.clock.now();
  const user = await usersRepo.byEmail(ctx.tx, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user) return { ok: false, error: invalid() };
  if (user.disabledAt)
    return { ok: false, error: new AppError('account_disabled', 'This account is disabled', 403) };
  if (user.lockedUntil && user.lockedUntil > now) {
    const error = new AppError(
      'account_locked',
      'Too many failed attempts: the account is locked for a while',
      423,
      {
        lockedUntil: user.lockedUntil.toISOString(),
      },
    );
    return { ok: false, error };
  }
  if (!ok) {
    const lockUntil =
      user.failedLogins + 1 >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null;
    await usersRepo.recordFailedLogin(ctx.tx, user.id, lockUntil);
    await writeAudit(ctx, {
      action: lockUntil ? 'user.locked_out' : 'user.login_failed',
      entity: 'user',
      entityId: user.id,
      municipalityId: null,
    });
    return { ok: false, error: invalid() };
  }
  if (user.failedLogins > 0 || user.lockedUntil) await usersRepo.resetFailedLogins(ctx.tx, user.id);
  return { ok: true, session: await openSession(ctx, user, input.ip, input.userAgent) };
}

export async function openSession(
  ctx: Ctx,
  user: UserRecord,
  ip: string | null,
  userAgent: string | null,
): Promise<NewSession> {
  const now = ctx.clock.now();
  const token = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await sessionsRepo.insert(ctx.tx, {
    id: sha256Hex(token),
    userId: user.id,
    csrfToken,
    now,
    expiresAt,
    ip,
    userAgent,
  });
  await writeAudit(ctx, {
    action: 'user.logged_in',
    entity: 'user',
    entityId: user.id,
    municipalityId: null,
  });
  return { token, csrfToken, expiresAt, user: publicUser(user) };
}

export async function logout(ctx: Ctx, sessionToken: string): Promise<void> {
  await sessionsRepo.delete(ctx.tx, sha256Hex(sessionToken));
  if (ctx.actor.kind === 'user')
    await writeAudit(ctx, {
      action: 'user.logged_out',
      entity: 'user',
      entityId: ctx.actor.userId,
      municipalityId: null,
    });
}
