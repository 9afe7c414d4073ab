import { writeAudit } from '@zemstvo/audit';
import { addDays, localDate, localInstant } from '@zemstvo/calendar';
import { enqueueJob, type Database, type JobHandler } from '@zemstvo/db';
import { silentLogger, systemActor, type Clock, type Ctx, type Logger, type Sql } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { modelsRepo, type ModelRow } from '../infra/models.repository.ts';
import { trainInWorker, type Trainer } from '../training/train-in-worker.ts';
import {
  failInterruptedRuns,
  HEARTBEAT_MS,
  scheduleInterruptedSweep,
  TRAINER_PROCESS,
} from './interrupted-runs.ts';
import { loadTrainingSet, MIN_LABELLED_APPEALS } from './training-set.ts';

export const TRAIN_JOB = 'routing.train';
/** Nightly retraining at 02:00 in the municipality's own time zone, when its offices are empty. */
const NIGHTLY_LOCAL_HOUR = 2;

/**
 * The next nightly run after `now`, at 02:00 local time (at least an hour ahead, so a nightly run
 * schedules the next night).
 */
export function nextNightlyRun(now: Date, timeZone: string): Date {
  const today = localDate(now, timeZone);
  for (const date of [addDays(today, -1), today, addDays(today, 1)]) {
    const at = localInstant(date, { hour: NIGHTLY_LOCAL_HOUR }, timeZone);
    if (at.getTime() - now.getTime() >= 3_600_000) return at;
  }
  return localInstant(addDays(today, 2), { hour: NIGHTLY_LOCAL_HOUR }, timeZone);
}

/**
 * Enqueues the municipality's next nightly training (once per night: the key holds the UTC date of
 * the run, so a night is one key whatever the zone).
 */
export async function scheduleNightlyTraining(sql: Sql, clock: Clock, municipalityId: string): Promise<void> {
  const timeZone = await tenancyRepo.timeZoneOf(sql, municipalityId);
  if (!timeZone) return; // the municipality is gone
  const runAt = nextNightlyRun(clock.now(), timeZone);
  await enqueueJob(sql, clock, {
    kind: TRAIN_JOB,
    municipalityId,
    runAt,
    uniqueKey: `${TRAIN_JOB}:nightly:${municipalityId}:${runAt.toISOString().slice(0, 10)}`,
    payload: { reason: 'nightly' },
    maxAttempts: 1,
  });
}

/**
 * At start (and after an import): marks failed the runs an earlier process left in `training`
 * (see interrupted-runs.ts), enqueues a training now for every municipality that has no ready
 * model and no training waiting, and makes sure each has its nightly run scheduled.
 * Returns how many trainings it enqueued.
 */
export async function enqueueTrainingForAll(
  db: Database,
  clock: Clock,
  log: Logger = silentLogger,
): Promise<number> {
  return db.transaction(async (tx) => {
    await failInterruptedRuns(tx, clock, log);
    await scheduleInterruptedSweep(tx, clock);
    const rows = await tx.query<{ id: string }>('SELECT id FROM municipalities ORDER BY id');
    let n = 0;
    for (const { id } of rows) {
      await scheduleNightlyTraining(tx, clock, id);
      if (await modelsRepo.hasReady(tx, id)) continue;
      if ((await modelsRepo.waitingJob(tx, id, TRAIN_JOB, clock.now())) !== null) continue;
      await enqueueJob(tx, clock, {
        kind: TRAIN_JOB,
        municipalityId: id,
        payload: { reason: 'start' },
        maxAttempts: 1,
      });
      n++;
    }
    return n;
  });
}

const jobCtx = (tx: Sql, clock: Clock, log: Logger, jobId: number): Ctx => ({
  actor: systemActor(`job:${TRAIN_JOB}`),
  tenant: null,
  tx,
  clock,
  log,
  requestId: `job:${jobId}`,
});

/**
 * The training itself, after the job's transaction committed: read the examples in one short
 * transaction, train in a worker thread with no transaction open (CPU-bound; the server's event
 * loop stays free, and PGlite has a single connection), store and activate the model in another
 * short transaction. Every outcome is recorded on the run; while the worker trains, the run's
 * heartbeat says this process is alive.
 */
export async function runTraining(
  db: Database,
  clock: Clock,
  log: Logger,
  municipalityId: string,
  run: ModelRow,
  train: Trainer = trainInWorker,
  heartbeatMs = HEARTBEAT_MS,
): Promise<void> {
  const finish = (outcome: Parameters<typeof modelsRepo.finishRun>[3], activate: boolean) =>
    db.transaction(async (tx) => {
      await modelsRepo.finishRun(tx, municipalityId, run.id, outcome);
      if (activate) await modelsRepo.activate(tx, municipalityId, run.id);
      await writeAudit(jobCtx(tx, clock, log, run.jobId ?? 0), {
        action: `routing.model_${outcome.status}`,
        entity: 'routing_model',
        entityId: run.id,
        municipalityId,
        after: {
          version: run.version,
          examples: outcome.examples,
          note: outcome.note,
          metrics: outcome.metrics,
        },
      });
    });
  try {
    const set = await db.transaction((tx) => loadTrainingSet(tx, municipalityId));
    const labelled = set.examples.filter((e) => e.category !== null).length;
    if (labelled < MIN_LABELLED_APPEALS) {
      await finish(
        {
          status: 'skipped',
          note: `Only ${labelled} labelled appeals; training needs at least ${MIN_LABELLED_APPEALS}`,
          // The web app says it in the reader's language from the code and the two counts.
          reason: 'too_few_labelled',
          trainedAt: clock.now(),
          examples: set.examples.length,
          metrics: { labelled, required: MIN_LABELLED_APPEALS },
          model: null,
        },
        false,
      );
      return;
    }
    const heartbeat = setInterval(() => {
      db.transaction((tx) => modelsRepo.heartbeat(tx, municipalityId, run.id, clock.now())).catch(
        (error: unknown) => log.warn({ municipalityId, err: String(error) }, 'routing heartbeat failed'),
      );
    }, heartbeatMs);
    heartbeat.unref();
    // The model file's own date is the start of the fit (the worker has no clock of the platform).
    const { model: bytes, metrics } = await train({
      examples: set.examples,
      metadata: { trainedAt: clock.now().toISOString(), examples: set.examples.length, period: set.period },
    }).finally(() => clearInterval(heartbeat));
    const trainedAt = clock.now();
    await finish(
      {
        status: 'ready',
        note: null,
        trainedAt,
        examples: set.examples.length,
        metrics: { ...metrics, period: set.period, bytes: bytes.byteLength },
        model: bytes,
      },
      true,
    );
    log.info({ municipalityId, version: run.version, ms: metrics.trainingMs }, 'routing model trained');
  } catch (error) {
    log.error({ municipalityId, err: String(error) }, 'routing training failed');
    const note = error instanceof Error ? error.message : String(error);
    await finish(
      {
        status: 'failed',
        note: note.slice(0, 500),
        trainedAt: clock.now(),
        examples: 0,
        metrics: {},
        model: null,
      },
      false,
    );
  }
}

/**
 * The job: marks interrupted runs of stopped processes failed, opens a run (status `training`,
 * owned by this process), schedules the next night, and trains after the commit (`train`: in a
 * worker thread; tests may pass another).
 */
export function makeTrainJob(train: Trainer = trainInWorker): JobHandler {
  return async (job, ctx) => {
    await failInterruptedRuns(ctx.tx, ctx.clock, ctx.log);
    const municipalityId = job.municipalityId;
    if (!municipalityId) return;
    const run = await modelsRepo.insertRun(ctx.tx, municipalityId, job.id, ctx.clock.now(), TRAINER_PROCESS);
    await scheduleNightlyTraining(ctx.tx, ctx.clock, municipalityId);
    await writeAudit(ctx, {
      action: 'routing.training_started',
      entity: 'routing_model',
      entityId: run.id,
      municipalityId,
      after: { version: run.version, reason: job.payload.reason ?? null },
    });
    const { clock, log } = ctx;
    return (db) => runTraining(db, clock, log, municipalityId, run, train);
  };
}

/** The sweep scheduled at start (see `scheduleInterruptedSweep`). */
export function makeSweepJob(): JobHandler {
  return async (_job, ctx) => {
    await failInterruptedRuns(ctx.tx, ctx.clock, ctx.log);
  };
}
