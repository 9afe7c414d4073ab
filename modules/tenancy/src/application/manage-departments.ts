import { writeAudit } from '@zemstvo/audit';
import { badRequest, notFound, type Ctx } from '@zemstvo/kernel';
import { tenancyRepo, type DepartmentRow, type PositionRow } from '../infra/tenancy.repository.ts';
import { requireTenant } from './require-tenant.ts';

export interface DepartmentInput {
  parentId: string | null;
  code: string | null;
  nameRu: string;
  nameEn: string;
}

async function checkParent(ctx: Ctx, municipalityId: string, parentId: string | null, selfId?: string) {
  if (parentId === null) return;
  if (parentId === selfId) throw badRequest('department_cycle', 'A department cannot be its own parent');
  let cursor: string | null = parentId;
  const seen = new Set<string>();
  while (cursor) {
    const d = await tenancyRepo.department(ctx.tx, municipalityId, cursor);
    if (!d) throw badRequest('parent_not_found', 'The parent department does not exist in this municipality');
    if (selfId && d.id === selfId) throw badRequest('department_cycle', 'This parent would make a cycle');
    if (seen.has(d.id)) break;
    seen.add(d.id);
    cursor = d.parentId;
  }
}

export async function createDepartment(ctx: Ctx, input: DepartmentInput): Promise<DepartmentRow> {
  const { municipalityId } = requireTenant(ctx);
  await checkParent(ctx, municipalityId, input.parentId);
  const dep = await tenancyRepo.insertDepartment(ctx.tx, municipalityId, input);
  await writeAudit(ctx, { action: 'department.created', entity: 'department', entityId: dep.id, after: dep });
  return dep;
}

export async function updateDepartment(
  ctx: Ctx,
  id: string,
  patch: Partial<DepartmentInput>,
): Promise<DepartmentRow> {
  const { municipalityId } = requireTenant(ctx);
  const before = await tenancyRepo.department(ctx.tx, municipalityId, id);
  if (!before) throw notFound('Department');
  const after: DepartmentRow = { ...before, ...patch, id };
  if (patch.parentId !== undefined) await checkParent(ctx, municipalityId, after.parentId, id);
  await tenancyRepo.updateDepartment(ctx.tx, municipalityId, after);
  await writeAudit(ctx, { action: 'department.updated', entity: 'department', entityId: id, before, after });
  return after;
}

export async function createPosition(ctx: Ctx, input: Omit<PositionRow, 'id'>): Promise<PositionRow> {
  const { municipalityId } = requireTenant(ctx);
  if (!(await tenancyRepo.department(ctx.tx, municipalityId, input.departmentId)))
    throw badRequest('department_not_found', 'The department does not exist in this municipality');
  const pos = await tenancyRepo.insertPosition(ctx.tx, municipalityId, input);
  await writeAudit(ctx, { action: 'position.created', entity: 'position', entityId: pos.id, after: pos });
  return pos;
}
