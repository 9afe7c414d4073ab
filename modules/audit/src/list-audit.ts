import type { Ctx } from '@zemstvo/kernel';
import { listAuditRecords, type AuditListFilter, type AuditListRow } from './infra/audit-log.repository.ts';

export type { AuditListFilter, AuditListRow };

/**
 * A page of the tenant's audit log for reading (newest first unless `order` says otherwise).
 * Reading is not audited; verifying the chain is `verifyAudit`.
 */
export async function listAudit(ctx: Ctx, filter: AuditListFilter): Promise<{ items: AuditListRow[] }> {
  return { items: await listAuditRecords(ctx.tx, ctx.tenant!.municipalityId, filter) };
}
