import { writeAudit } from '@zemstvo/audit';
import { notFound, type Ctx } from '@zemstvo/kernel';
import { apiTokensRepo } from '../infra/api-tokens.repository.ts';
import { presentToken, requireSessionInTenant } from './token-management.ts';

/** Revokes a token of the request's municipality at once; revoking twice changes nothing. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  const { tenant } = requireSessionInTenant(ctx);
  const token = await apiTokensRepo.byId(ctx.tx, tenant.municipalityId, id);
  if (!token) throw notFound('API token', 'token_not_found');
  if (token.revokedAt) return;
  const now = ctx.clock.now();
  await apiTokensRepo.revoke(ctx.tx, tenant.municipalityId, id, now);
  await writeAudit(ctx, {
    action: 'token.revoked',
    entity: 'api_token',
    entityId: id,
    before: presentToken(token),
    after: presentToken({ ...token, revokedAt: now }),
  });
}
