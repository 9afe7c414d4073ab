import { writeAudit } from '@zemstvo/audit';
import { newSecret, sha256Hex, type Ctx } from '@zemstvo/kernel';
import { passwordResetMail } from '../domain/mail-texts.ts';
import { passwordResetsRepo } from '../infra/password-resets.repository.ts';
import { usersRepo } from '../infra/users.repository.ts';
import { enqueueMail } from './deliver-mail.ts';

export const RESET_LINK_TTL_MS = 60 * 60_000;

/**
 * Mails a single-use link `${publicUrl}/reset-password?token=…` valid for an hour, in the user's
 * language; only the token's hash is stored and a new link supersedes older ones. Answers the same
 * whether or not the e-mail belongs to an account, so callers cannot probe for accounts.
 */
export async function requestPasswordReset(
  ctx: Ctx,
  input: { email: string; publicUrl: string },
): Promise<void> {
  const user = await usersRepo.byEmail(ctx.tx, input.email.trim());
  if (!user || user.disabledAt) return;
  const now = ctx.clock.now();
  const token = newSecret();
  await passwordResetsRepo.supersedeAll(ctx.tx, user.id, now);
  await passwordResetsRepo.insert(ctx.tx, {
    tokenHash: sha256Hex(token),
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + RESET_LINK_TTL_MS),
  });
  const link = `${input.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const mail = passwordResetMail(user.locale, {
    displayName: user.displayName,
    link,
    validMinutes: RESET_LINK_TTL_MS / 60_000,
  });
  await enqueueMail(ctx, { to: user.email, ...mail });
  await writeAudit(ctx, {
    action: 'user.password_reset_requested',
    entity: 'user',
    entityId: user.id,
    municipalityId: null,
  });
}
