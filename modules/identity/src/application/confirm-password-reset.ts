import { writeAudit } from '@zemstvo/audit';
import { badRequest, sha256Hex, type Ctx } from '@zemstvo/kernel';
import { passwordResetsRepo } from '../infra/password-resets.repository.ts';
import { sessionsRepo } from '../infra/sessions.repository.ts';
import { usersRepo } from '../infra/users.repository.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

const invalidLink = () =>
  badRequest('invalid_reset_token', 'This password reset link is invalid, already used or expired');

/**
 * Sets a new password from a reset link: the link must be unused and less than an hour old. The
 * link and every other open link of the user are spent, every session of the user ends, and a
 * lock-out is lifted.
 */
export async function confirmPasswordReset(
  ctx: Ctx,
  input: { token: string; password: string },
): Promise<void> {
  const now = ctx.clock.now();
  const reset = await passwordResetsRepo.findForUpdate(ctx.tx, sha256Hex(input.token));
  if (!reset || reset.usedAt || reset.expiresAt <= now) throw invalidLink();
  const user = await usersRepo.byId(ctx.tx, reset.userId);
  if (!user || user.disabledAt) throw invalidLink();
  checkPasswordPolicy(input.password, user.email);
  await usersRepo.setPassword(ctx.tx, user.id, await hashPassword(input.password), now);
  await passwordResetsRepo.supersedeAll(ctx.tx, user.id, now);
  await sessionsRepo.deleteAllOf(ctx.tx, user.id);
  await writeAudit(ctx, {
    action: 'user.password_reset',
    entity: 'user',
    entityId: user.id,
    municipalityId: null,
  });
}
