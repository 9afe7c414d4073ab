import { AppError, forbidden, unauthorized, type Ctx, type Tenant, type UserActor } from '@zemstvo/kernel';
import type { ApiTokenRecord } from '../infra/api-tokens.repository.ts';

/** API tokens start with this, so scanners and people recognise a leaked one. */
export const TOKEN_PREFIX = 'zt_';
export const TOKEN_RE = /^zt_[A-Za-z0-9_-]{40,100}$/;

/**
 * Tokens are managed by a signed-in person only: a token that could mint tokens could outlive its
 * own expiry or revocation.
 */
export function requireSessionInTenant(ctx: Ctx): { actor: UserActor; tenant: Tenant } {
  if (ctx.actor.kind !== 'user') throw unauthorized();
  if (ctx.actor.via !== 'session')
    throw forbidden(
      'API tokens are managed in a signed-in session, not with an API token',
      'session_required',
    );
  if (!ctx.tenant) throw new AppError('tenant_required', 'This needs a municipality', 400);
  return { actor: ctx.actor, tenant: ctx.tenant };
}

/** A token as audit records and responses show it: never the secret or its hash. */
export function presentToken(t: ApiTokenRecord) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    userId: t.userId,
    permissions: t.permissions,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
