import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { writeAudit } from '@zemstvo/audit';
import { enqueueJob } from '@zemstvo/db';
import { systemActor, type Clock, type Logger, type Sql } from '@zemstvo/kernel';
import { modelsRepo } from '../infra/models.repository.ts';

/**
 * This server process, as recorded on the runs it trains: host and pid for people, and a random
 * part, so a restarted process (even with the same pid, as in a container) is another one.
 */
export const TRAINER_PROCESS = `${hostname()} pid ${process.pid} ${randomUUID()}`;

/** While its worker trains, the process writes a heartbeat on the run this often. */
export const HEARTBEAT_MS = 15_000;
/** A run of another process without a heartbeat for this long is taken as interrupted (8 missed heartbeats). */
export const INTERRUPTED_AFTER_MS = 120_000;
export const INTERRUPTED_REASON = 'interrupted';
export const INTERRUPTED_NOTE = 'interrupted: the process stopped';
export const SWEEP_JOB = 'routing.sweep_interrupted';

/**
 * Marks failed, with the reason `interrupted`, every run still in `training` that another process
 * owns and that has been silent for `INTERRUPTED_AFTER_MS`: that process stopped (killed, crashed,
 * restarted) and the run will never finish. Runs of this process are left alone: they finish or
 * fail by themselves. Writes an audit record per run; returns how many it marked.
 */
export async function failInterruptedRuns(
  sql: Sql,
  clock: Clock,
  log: Logger,
  self = TRAINER_PROCESS,
): Promise<number> {
  const now = clock.now();
  const runs = await modelsRepo.failInterrupted(sql, {
    self,
    silentSince: new Date(now.getTime() - INTERRUPTED_AFTER_MS),
    at: now,
    note: INTERRUPTED_NOTE,
    reason: INTERRUPTED_REASON,
  });
  for (const run of runs) {
    await writeAudit(
      { actor: systemActor(`job:${SWEEP_JOB}`), tenant: null, tx: sql, clock, log, requestId: SWEEP_JOB },
      {
        action: 'routing.model_interrupted',
        entity: 'routing_model',
        entityId: run.id,
        municipalityId: run.municipalityId,
        after: { version: run.version, trainer: run.trainer, note: INTERRUPTED_NOTE },
      },
    );
    log.warn({ municipalityId: run.municipalityId, version: run.version }, 'routing run interrupted');
  }
  return runs.length;
}

/**
 * At start: a process that stopped a moment ago still looks alive (its last heartbeat is recent),
 * so the sweep runs once more when such a run would have gone silent for long enough.
 */
export async function scheduleInterruptedSweep(sql: Sql, clock: Clock): Promise<void> {
  const runAt = new Date(clock.now().getTime() + INTERRUPTED_AFTER_MS + HEARTBEAT_MS);
  await enqueueJob(sql, clock, {
    kind: SWEEP_JOB,
    runAt,
    uniqueKey: `${SWEEP_JOB}:${TRAINER_PROCESS}`,
    maxAttempts: 1,
  });
}
