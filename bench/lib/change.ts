import { writeAudit } from '@zemstvo/audit';
import type { Platform } from '@zemstvo/server/platform';
import { tenancyRepo } from '@zemstvo/tenancy';

let turn = 0;

/**
 * One small audited change of the municipality's data, as staff make all day: a generated appeal's
 * rating changes (the summaries' triggers run) and the change is audited, so the dashboard's
 * result cache (keyed by the audit chain head) must compute the next answer afresh.
 */
export async function auditedChange(platform: Platform, slug: string): Promise<void> {
  turn += 1;
  await platform.db.transaction(async (tx) => {
    const tenant = await tenancyRepo.tenantBySlug(tx, slug);
    const ctx = { ...platform.systemCtx(tx, 'bench'), tenant };
    const m = tenant!.municipalityId;
    const id = `md5('bench' || ${3 * turn})::uuid`;
    await tx.query(`UPDATE appeals SET rating = $2 WHERE municipality_id = $1 AND document_id = ${id}`, [
      m,
      1 + (turn % 5),
    ]);
    await writeAudit(ctx, {
      action: 'bench.appeal_rated',
      entity: 'appeal',
      entityId: null,
      after: { turn },
    });
  });
}
