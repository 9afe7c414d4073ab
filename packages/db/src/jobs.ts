import { withBeforeCommit, type Clock, type Ctx, type Logger, type Sql } from '@zemstvo/kernel';
import type { Database } from './database.ts';

export interface Job {
  id: number;
  kind: string;
  municipalityId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
}

export interface EnqueueInput {
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  municipalityId?: string | null;
  /** Idempotency: a second enqueue with the same key is ignored. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Enqueue inside the caller's transaction, so the job exists exactly when the work that wants it commits. */
export async function enqueueJob(sql: Sql, clock: Clock, input: EnqueueInput): Promise<number | null> {
  const rows = await sql.query<{ id: number }>(
    `INSERT INTO jobs (kind, payload, run_at, municipality_id, unique_key, max_attempts)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (unique_key) DO NOTHING RETURNING id`,
    [
      input.kind,
      JSON.stringify(input.payload ?? {}),
      input.runAt ?? clock.now(),
      input.municipalityId ?? null,
      input.uniqueKey ?? null,
      input.maxAttempts ?? 5,
    ],
  );
  return rows[0]?.id ?? null;
}

/**
 * A handler runs inside the transaction that claimed its job and marks it done: its database
 * effects and the job's completion commit together, so a crash re-runs the job and a committed
 * job never runs again (exactly once for everything written to the database).
 */
export type JobHandler = (job: Job, ctx: Ctx) => Promise<void | AfterCommit>;

/**
 * Work a handler leaves for after its job's transaction commits: it runs outside any transaction
 * (CPU-heavy work such as training a model must not hold the database, which on PGlite is one
 * connection) and opens its own short transactions. It runs once; a crash loses it (the job is
 * already done), so it records its own outcome. `drain()` waits for it.
 */
export type AfterCommit = (db: Database) => Promise<void>;

export interface WorkerOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  makeCtx: (sql: Sql, job: Job) => Ctx;
  pollMs?: number;
  batch?: number;
}

interface JobRow {
  id: number;
  kind: string;
  municipality_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  run_at: Date;
}

export class JobWorker {
  readonly #handlers = new Map<string, JobHandler>();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = true;

  constructor(private readonly opts: WorkerOptions) {}

  register(kind: string, handler: JobHandler): this {
    this.#handlers.set(kind, handler);
    return this;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.drain()
        .then(
          () => undefined,
          (e: unknown) => this.opts.log.error({ err: e }, 'job worker tick failed'),
        )
        .finally(() => this.#schedule(this.opts.pollMs ?? 1000));
    }, ms);
  }

  /** Runs due jobs until none is left; returns how many ran. Tests call it directly. */
  async drain(limit = 1000): Promise<number> {
    let ran = 0;
    while (ran < limit && (await this.runOne())) ran++;
    return ran;
  }

  /** Claims and runs one due job; returns false when none is due. */
  async runOne(): Promise<boolean> {
    const { db, clock, makeCtx } = this.opts;
    let failed: { job: Job; error: unknown } | null = null;
    let after: { job: Job; run: AfterCommit } | null = null;
    const claimed = await db.transaction(async (sql) => {
      const rows = await sql.query<JobRow>(
        `SELECT id, kind, municipality_id, payload, attempts, max_attempts, run_at FROM jobs
         WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $1
         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [clock.now()],
      );
      const row = rows[0];
      if (!row) return false;
      const job = toJob(row);
      const handler = this.#handlers.get(job.kind);
      if (!handler) {
        await sql.query(`UPDATE jobs SET failed_at = $2, last_error = $3 WHERE id = $1`, [
          job.id,
          clock.now(),
          `no handler for job kind ${job.kind}`,
        ]);
        return true;
      }
      await sql.query('SAVEPOINT job_run');
      try {
        // The handler's before-commit work belongs to its savepoint: done before release, dropped on rollback.
        const run = withBeforeCommit(sql);
        const then = await handler(job, makeCtx(run.sql, job));
        await run.run();
        if (typeof then === 'function') after = { job, run: then };
        await sql.query('RELEASE SAVEPOINT job_run');
        await sql.query('UPDATE jobs SET done_at = $2, attempts = attempts + 1 WHERE id = $1', [
          job.id,
          clock.now(),
        ]);
      } catch (error) {
        await sql.query('ROLLBACK TO SAVEPOINT job_run');
        failed = { job, error };
        await this.#recordFailure(sql, job, error);
      }
      return true;
    });
    if (failed) {
      const { job, error } = failed as { job: Job; error: unknown };
      this.opts.log.warn({ jobId: job.id, kind: job.kind, err: String(error) }, 'job failed');
    }
    if (after) {
      const { job, run } = after as { job: Job; run: AfterCommit };
      try {
        await run(db);
      } catch (error) {
        this.opts.log.error({ jobId: job.id, kind: job.kind, err: String(error) }, 'job follow-up failed');
      }
    }
    return claimed;
  }

  async #recordFailure(sql: Sql, job: Job, error: unknown): Promise<void> {
    const attempts = job.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    const now = this.opts.clock.now();
    if (attempts >= job.maxAttempts) {
      await sql.query('UPDATE jobs SET attempts = $2, last_error = $3, failed_at = $4 WHERE id = $1', [
        job.id,
        attempts,
        message,
        now,
      ]);
    } else {
      const backoffMs = Math.min(3_600_000, 1000 * 2 ** attempts);
      await sql.query('UPDATE jobs SET attempts = $2, last_error = $3, run_at = $4 WHERE id = $1', [
        job.id,
        attempts,
        message,
        new Date(now.getTime() + backoffMs),
      ]);
    }
  }
}

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    municipalityId: r.municipality_id,
    payload: r.payload,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
  };
}
