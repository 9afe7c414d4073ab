import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, silentLogger, systemActor, type Sql } from '@zemstvo/kernel';
import { platformMigrations } from './index.ts';
import { enqueueJob, JobWorker, type JobHandler } from './jobs.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openScratchDatabase, type ScratchDatabase } from './testing.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z');
let scratch: ScratchDatabase;

function worker(handlers: Record<string, JobHandler>): JobWorker {
  const w = new JobWorker({
    db: scratch.db,
    clock,
    log: silentLogger,
    makeCtx: (tx: Sql, job) => ({
      actor: systemActor(`job:${job.kind}`),
      tenant: null,
      tx,
      clock,
      log: silentLogger,
      requestId: `job:${job.id}`,
    }),
  });
  for (const [kind, h] of Object.entries(handlers)) w.register(kind, h);
  return w;
}

const enqueue = (
  kind: string,
  extra: { uniqueKey?: string; maxAttempts?: number; payload?: Record<string, unknown> } = {},
) => scratch.db.transaction((tx) => enqueueJob(tx, clock, { kind, ...extra }));

interface JobState {
  attempts: number;
  last_error: string | null;
  run_at: Date;
  done: boolean;
  failed: boolean;
}
async function jobState(id: number): Promise<JobState> {
  const [r] = await scratch.db.query<JobState>(
    `SELECT attempts, last_error, run_at, done_at IS NOT NULL AS done, failed_at IS NOT NULL AS failed FROM jobs WHERE id = $1`,
    [id],
  );
  return { ...r!, run_at: new Date(r!.run_at) };
}
const effects = async () =>
  (await scratch.db.query<{ n: number }>('SELECT count(*)::int AS n FROM job_effects'))[0]!.n;

beforeAll(async () => {
  scratch = await openScratchDatabase({ poolSize: 6 });
  await migrate(scratch.db, loadMigrations([platformMigrations]));
});
afterAll(async () => scratch?.dispose());
beforeEach(async () => {
  await scratch.db.exec(
    'DROP TABLE IF EXISTS job_effects; CREATE TABLE job_effects (job_id bigint NOT NULL, note text); DELETE FROM jobs',
  );
});

describe(`jobs (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('enqueues a job once per uniqueKey, and only when the enqueuing transaction commits', async () => {
    const first = await enqueue('mail.send', { uniqueKey: 'reminder:doc-1:2026-03-05' });
    const second = await enqueue('mail.send', { uniqueKey: 'reminder:doc-1:2026-03-05' });
    expect(first).toEqual(expect.any(Number));
    expect(second).toBeNull();
    await expect(
      scratch.db.transaction(async (tx) => {
        await enqueueJob(tx, clock, { kind: 'mail.send', uniqueKey: 'rolled-back' });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    const rows = await scratch.db.query<{ unique_key: string }>('SELECT unique_key FROM jobs ORDER BY id');
    expect(rows).toEqual([{ unique_key: 'reminder:doc-1:2026-03-05' }]);
  });

  it('runs each job exactly once with two workers draining at the same time (FOR UPDATE SKIP LOCKED)', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueue('work', { payload: { i } }))!);
    const runs: { job: number; worker: string }[] = [];
    // On a server the first two handlers wait for each other: proof that the two workers held two
    // different jobs at once. PGlite has one connection, so there they simply take turns.
    let arrived = 0;
    let release: () => void = () => {};
    const bothIn = new Promise<void>((r) => (release = r));
    const handler =
      (name: string): JobHandler =>
      async (job, ctx) => {
        runs.push({ job: job.id, worker: name });
        await ctx.tx.query('INSERT INTO job_effects (job_id, note) VALUES ($1, $2)', [job.id, name]);
        if (scratch.kind === 'postgres' && arrived < 2) {
          arrived++;
          if (arrived === 2) release();
          await bothIn;
        }
      };
    const [a, b] = await Promise.all([
      worker({ work: handler('a') }).drain(),
      worker({ work: handler('b') }).drain(),
    ]);
    expect(a + b).toBe(30);
    expect(runs.map((r) => r.job).sort((x, y) => x - y)).toEqual(ids);
    expect(await effects()).toBe(30);
    const done = await scratch.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM jobs WHERE done_at IS NOT NULL AND attempts = 1',
    );
    expect(done[0]!.n).toBe(30);
    if (scratch.kind === 'postgres') {
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    }
  });

  it('retries a failing job with growing backoff, rolls back its partial effects, and fails it after max attempts', async () => {
    const id = (await enqueue('flaky', { maxAttempts: 3 }))!;
    const w = worker({
      flaky: async (job, ctx) => {
        await ctx.tx.query('INSERT INTO job_effects (job_id, note) VALUES ($1, $2)', [job.id, 'partial']);
        throw new Error(`boom #${job.attempts + 1}`);
      },
    });
    const start = clock.now().getTime();
    expect(await w.runOne()).toBe(true);
    expect(await jobState(id)).toEqual({
      attempts: 1,
      last_error: 'boom #1',
      run_at: new Date(start + 2000),
      done: false,
      failed: false,
    });
    expect(await w.runOne()).toBe(false); // not due before its backoff
    clock.advance(2000);
    expect(await w.runOne()).toBe(true);
    expect(await jobState(id)).toMatchObject({
      attempts: 2,
      last_error: 'boom #2',
      run_at: new Date(start + 2000 + 4000),
    });
    clock.advance(4000);
    expect(await w.runOne()).toBe(true);
    expect(await jobState(id)).toMatchObject({
      attempts: 3,
      last_error: 'boom #3',
      done: false,
      failed: true,
    });
    clock.advance(86_400_000);
    expect(await w.drain()).toBe(0);
    expect(await effects()).toBe(0);
  });

  it('fails a job of an unknown kind at once instead of retrying it', async () => {
    const id = (await enqueue('nobody.handles.this'))!;
    expect(await worker({}).drain()).toBe(1);
    expect(await jobState(id)).toMatchObject({
      attempts: 0,
      failed: true,
      last_error: 'no handler for job kind nobody.handles.this',
    });
  });

  it('never runs a job again once it committed done, across a restart', async () => {
    const id = (await enqueue('once'))!;
    const handler: JobHandler = async (job, ctx) => {
      await ctx.tx.query('INSERT INTO job_effects (job_id, note) VALUES ($1, $2)', [job.id, 'ran']);
    };
    expect(await worker({ once: handler }).drain()).toBe(1);
    await scratch.reopen();
    clock.advance(86_400_000);
    expect(await worker({ once: handler }).drain()).toBe(0);
    expect(await effects()).toBe(1);
    expect(await jobState(id)).toMatchObject({ attempts: 1, done: true, failed: false });
  });

  it('runs the work a handler leaves for after the commit outside its transaction, once; drain waits for it', async () => {
    const id = (await enqueue('train'))!;
    const seen: { jobDone: boolean }[] = [];
    const handler: JobHandler = async (job, ctx) => {
      await ctx.tx.query('INSERT INTO job_effects (job_id, note) VALUES ($1, $2)', [job.id, 'claimed']);
      return async (db) => {
        // The job's transaction has committed: its effect and its completion are visible here.
        seen.push({ jobDone: (await jobState(job.id)).done });
        await db.transaction((tx) =>
          tx.query('INSERT INTO job_effects (job_id, note) VALUES ($1, $2)', [job.id, 'after']),
        );
        throw new Error('a follow-up failure is logged, not retried');
      };
    };
    expect(await worker({ train: handler }).drain()).toBe(1);
    expect(seen).toEqual([{ jobDone: true }]);
    expect(await effects()).toBe(2);
    expect(await jobState(id)).toMatchObject({ attempts: 1, done: true, failed: false });
    expect(await worker({ train: handler }).drain()).toBe(0);
  });
});
