import type { PermissionRegistry } from '@zemstvo/authz';
import { writeAudit } from '@zemstvo/audit';
import { badRequest, conflict, notFound, type Ctx } from '@zemstvo/kernel';
import { tenancyRepo, type RoleRow } from '../infra/tenancy.repository.ts';
import { requireTenant } from './require-tenant.ts';

function checkPermissions(registry: PermissionRegistry, permissions: readonly string[]): string[] {
  const unknown = registry.unknown(permissions);
  if (unknown.length)
    throw badRequest('unknown_permission', `Unknown permissions: ${unknown.join(', ')}`, { unknown });
  return [...new Set(permissions)].sort();
}

export async function createRole(
  ctx: Ctx,
  registry: PermissionRegistry,
  input: Omit<RoleRow, 'id'>,
): Promise<RoleRow> {
  const { municipalityId } = requireTenant(ctx);
  const permissions = checkPermissions(registry, input.permissions);
  if (await tenancyRepo.roleKeyExists(ctx.tx, municipalityId, input.key))
    throw conflict('role_exists', `A role with key ${input.key} already exists`);
  const role = await tenancyRepo.insertRole(ctx.tx, municipalityId, { ...input, permissions });
  await writeAudit(ctx, { action: 'role.created', entity: 'role', entityId: role.id, after: role });
  return role;
}

export async function updateRole(
  ctx: Ctx,
  registry: PermissionRegistry,
  id: string,
  patch: Partial<Pick<RoleRow, 'nameRu' | 'nameEn' | 'permissions'>>,
): Promise<RoleRow> {
  const { municipalityId } = requireTenant(ctx);
  const before = await tenancyRepo.role(ctx.tx, municipalityId, id);
  if (!before) throw notFound('Role');
  const after: RoleRow = {
    ...before,
    ...patch,
    permissions: patch.permissions ? checkPermissions(registry, patch.permissions) : before.permissions,
  };
  await tenancyRepo.updateRole(ctx.tx, municipalityId, after);
  await writeAudit(ctx, { action: 'role.updated', entity: 'role', entityId: id, before, after });
  return after;
}
