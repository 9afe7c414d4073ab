import { AppError, type Ctx, type Tenant } from '@zemstvo/kernel';

export function requireTenant(ctx: Ctx): Tenant {
  if (!ctx.tenant) throw new AppError('tenant_required', 'This action needs a municipality', 400);
  return ctx.tenant;
}
