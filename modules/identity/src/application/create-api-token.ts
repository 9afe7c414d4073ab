import { writeAudit } from '@zemstvo/audit';
import { AppError, badRequest, newSecret, sha256Hex, type Ctx } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { apiTokensRepo, type ApiTokenRecord } from '../infra/api-tokens.repository.ts';
import { presentToken, requireSessionInTenant, TOKEN_PREFIX } from './token-management.ts';

/** The permission registry, as far as token scopes need it. */
export interface PermissionCatalog {
  unknown(keys: readonly string[]): string[];
  expand(keys: Iterable<string>): Set<string>;
}

/** What the creator may do in the request's municipality. */
export interface AbilityCheck {
  can(permission: string): boolean;
}

export interface CreateApiTokenInput {
  name: string;
  permissions: readonly string[];
  expiresAt: Date | null;
}

export interface CreatedApiToken {
  /** The secret: shown once, only its hash is stored. */
  token: string;
  record: ApiTokenRecord;
}

/**
 * Issues an API token for the signed-in staff member in the request's municipality. Its scopes
 * are expanded with their dependencies and must all be abilities the creator holds there; the
 * token never acts beyond them, nor outside this municipality.
 */
export async function createApiToken(
  ctx: Ctx,
  deps: { catalog: PermissionCatalog; abilities: AbilityCheck },
  input: CreateApiTokenInput,
): Promise<CreatedApiToken> {
  const { actor, tenant } = requireSessionInTenant(ctx);
  const now = ctx.clock.now();
  const unknown = deps.catalog.unknown(input.permissions);
  if (unknown.length)
    throw badRequest('unknown_permission', `Unknown permissions: ${unknown.join(', ')}`, {
      permissions: unknown,
    });
  const scopes = [...deps.catalog.expand(input.permissions)].sort();
  const beyond = scopes.filter((p) => !deps.abilities.can(p));
  if (beyond.length)
    throw new AppError(
      'scope_exceeds_abilities',
      `A token cannot have permissions you do not hold: ${beyond.join(', ')}`,
      403,
      {
        permissions: beyond,
      },
    );
  if (input.expiresAt && input.expiresAt <= now)
    throw badRequest('bad_expiry', 'The expiry must be in the future');
  if (!(await tenancyRepo.member(ctx.tx, tenant.municipalityId, actor.userId)))
    throw new AppError('not_a_member', 'API tokens belong to staff members of this municipality', 403);
  const token = TOKEN_PREFIX + newSecret(32);
  const record = await apiTokensRepo.insert(ctx.tx, {
    municipalityId: tenant.municipalityId,
    userId: actor.userId,
    name: input.name.trim(),
    tokenHash: sha256Hex(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    permissions: scopes,
    now,
    expiresAt: input.expiresAt,
  });
  await writeAudit(ctx, {
    action: 'token.created',
    entity: 'api_token',
    entityId: record.id,
    after: presentToken(record),
  });
  return { token, record };
}
