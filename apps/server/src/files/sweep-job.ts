import { writeAudit } from '@zemstvo/audit';
import { enqueueJob, type JobHandler } from '@zemstvo/db';
import type { Clock, Ctx, Sql } from '@zemstvo/kernel';
import type { FileStorage } from '@zemstvo/storage';
import { sweepOrphanFiles, type SweepResult } from './sweep-files.ts';

/** The daily orphan-file sweep of a running server (`zemstvo files sweep` does the same by hand). */
export const FILE_SWEEP_JOB = 'files.sweep';
/** The job's grace period: a day, far beyond any request that holds a written file uncommitted. */
export const FILE_SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;
/** Keys named in the audit record; the count and bytes are always there. */
const AUDITED_KEYS = 500;

/** Schedules the next sweep at 03:00 UTC, once per day however often it is called (a unique key). */
export async function scheduleFileSweep(sql: Sql, clock: Clock): Promise<void> {
  const now = clock.now();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  await enqueueJob(sql, clock, {
    kind: FILE_SWEEP_JOB,
    runAt: at,
    uniqueKey: `${FILE_SWEEP_JOB}:${at.toISOString().slice(0, 10)}`,
  });
}

/** Records a sweep that removed files in the platform's audit chain. */
export async function auditFileSweep(ctx: Ctx, r: SweepResult, olderThan: string): Promise<void> {
  await writeAudit(ctx, {
    action: 'files.swept',
    entity: 'file_storage',
    entityId: null,
    municipalityId: null,
    after: {
      olderThan,
      removed: r.removed.length,
      bytes: r.removedBytes,
      keys: r.removed.slice(0, AUDITED_KEYS).map((f) => f.key),
    },
  });
}

/**
 * The job schedules tomorrow's run in its own transaction, then sweeps after it commits (listing
 * and deleting files must not hold the database), auditing what it removed.
 */
export function makeFileSweepJob(storage: FileStorage): JobHandler {
  return async (_job, ctx) => {
    await scheduleFileSweep(ctx.tx, ctx.clock);
    return async (db) => {
      const r = await sweepOrphanFiles(db, storage, {
        olderThanMs: FILE_SWEEP_GRACE_MS,
        now: ctx.clock.now(),
        dryRun: false,
      });
      if (r.removed.length > 0) await db.transaction((tx) => auditFileSweep({ ...ctx, tx }, r, '24h'));
      ctx.log.info(
        { scanned: r.scanned, removed: r.removed.length, bytes: r.removedBytes },
        'orphan files swept',
      );
    };
  };
}
