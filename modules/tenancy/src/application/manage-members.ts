import { writeAudit } from '@zemstvo/audit';
import { badRequest, notFound, type Ctx } from '@zemstvo/kernel';
import { tenancyRepo, type MemberRow } from '../infra/tenancy.repository.ts';
import { requireTenant } from './require-tenant.ts';

async function roleIds(ctx: Ctx, municipalityId: string, keys: readonly string[]): Promise<string[]> {
  const roles = await tenancyRepo.rolesByKeys(ctx.tx, municipalityId, keys);
  const missing = keys.filter((k) => !roles.some((r) => r.key === k));
  if (missing.length) throw badRequest('unknown_role', `Unknown roles: ${missing.join(', ')}`, { missing });
  return roles.map((r) => r.id);
}

async function checkPosition(ctx: Ctx, municipalityId: string, positionId: string | null) {
  if (!positionId) return;
  const all = await tenancyRepo.listPositions(ctx.tx, municipalityId);
  if (!all.some((p) => p.id === positionId))
    throw badRequest('position_not_found', 'The position does not exist in this municipality');
}

/** Makes an existing staff user a member of the municipality with the given roles. */
export async function addMember(
  ctx: Ctx,
  input: { userId: string; positionId: string | null; roleKeys: readonly string[] },
): Promise<MemberRow> {
  const { municipalityId } = requireTenant(ctx);
  await checkPosition(ctx, municipalityId, input.positionId);
  const ids = await roleIds(ctx, municipalityId, input.roleKeys);
  await tenancyRepo.upsertMembership(ctx.tx, municipalityId, input.userId, input.positionId);
  await tenancyRepo.setMemberRoles(ctx.tx, municipalityId, input.userId, ids);
  const member = await tenancyRepo.member(ctx.tx, municipalityId, input.userId);
  await writeAudit(ctx, { action: 'member.added', entity: 'member', entityId: input.userId, after: member });
  return member!;
}

export async function setMemberRoles(
  ctx: Ctx,
  userId: string,
  roleKeys: readonly string[],
): Promise<MemberRow> {
  const { municipalityId } = requireTenant(ctx);
  const before = await tenancyRepo.member(ctx.tx, municipalityId, userId);
  if (!before) throw notFound('Member');
  await tenancyRepo.setMemberRoles(
    ctx.tx,
    municipalityId,
    userId,
    await roleIds(ctx, municipalityId, roleKeys),
  );
  const after = await tenancyRepo.member(ctx.tx, municipalityId, userId);
  await writeAudit(ctx, {
    action: 'member.roles_changed',
    entity: 'member',
    entityId: userId,
    before,
    after,
  });
  return after!;
}
