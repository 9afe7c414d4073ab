import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, ManualClock } from '@zemstvo/kernel';
import { fixture } from '@zemstvo/storage/testing/index';
import { createTestPlatform, type TestPlatform } from '../testing/index.ts';
import { FILE_COLUMNS, referencedFileKeys } from './file-references.ts';
import { sweepOrphanFiles } from './sweep-files.ts';
import { FILE_SWEEP_JOB, makeFileSweepJob, scheduleFileSweep } from './sweep-job.ts';

const BOUNDARY = '----zemstvo-sweep';
const DAY = 24 * 60 * 60 * 1000;

describe('the orphan-file sweep', () => {
  let p: TestPlatform;
  let uploadedKey: string;
  const orphans = ['m0/2026/01/rolled-back', 'm0/2026/01/rolled-back.3f.tmp'];

  beforeAll(async () => {
    p = await createTestPlatform();
    // A referenced file, put by a real request: a photo uploaded with an intake form.
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/appeals/uploads',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="yama.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        Buffer.from(fixture('photo.png')),
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]),
    });
    expect(res.statusCode).toBe(201);
    uploadedKey = [...(await p.db.transaction((sql) => referencedFileKeys(sql)))][0]!;
    // What a request that wrote its bytes and then rolled back leaves behind, and a torn write.
    for (const key of orphans) await p.services.storage.put(key, new Uint8Array([7, 7, 7]));
  });
  afterAll(async () => p.close());

  const keys = async () => {
    const out: string[] = [];
    for await (const f of p.services.storage.list()) out.push(f.key);
    return out.sort();
  };

  it('keeps unreferenced files inside the grace period', async () => {
    const r = await sweepOrphanFiles(p.db, p.services.storage, {
      olderThanMs: DAY,
      now: new Date(),
      dryRun: false,
    });
    expect(r).toMatchObject({ scanned: 3, referenced: 1, young: 2, removed: [], removedBytes: 0 });
    expect(await keys()).toEqual([...orphans, uploadedKey].sort());
  });

  it('lists the old orphans on a dry run, removes them on a real one, and never a referenced file', async () => {
    const later = new Date(Date.now() + 2 * DAY);
    const dry = await sweepOrphanFiles(p.db, p.services.storage, {
      olderThanMs: DAY,
      now: later,
      dryRun: true,
    });
    expect(dry.removed.map((f) => f.key).sort()).toEqual(orphans);
    expect(dry.removedBytes).toBe(6);
    expect(await keys()).toHaveLength(3);

    const real = await sweepOrphanFiles(p.db, p.services.storage, {
      olderThanMs: DAY,
      now: later,
      dryRun: false,
    });
    expect(real).toMatchObject({ scanned: 3, referenced: 1, young: 0, removedBytes: 6 });
    expect(await keys()).toEqual([uploadedKey]);
    expect(await p.services.storage.get(uploadedKey)).toEqual(fixture('photo.png'));
  });

  it('refuses a grace period under an hour', async () => {
    const error = await sweepOrphanFiles(p.db, p.services.storage, {
      olderThanMs: 10 * 60 * 1000,
      now: new Date(),
      dryRun: true,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('grace_too_short');
  });

  it('runs daily as a job: sweeps after its transaction, audits, and schedules the next run once', async () => {
    await p.services.storage.put('m0/2026/01/job-orphan', new Uint8Array([1]));
    const later = new ManualClock(new Date(Date.now() + 2 * DAY));
    await p.db.transaction((tx) => scheduleFileSweep(tx, later));
    await p.db.transaction((tx) => scheduleFileSweep(tx, later)); // once per day however often
    const job = {
      id: 0,
      kind: FILE_SWEEP_JOB,
      municipalityId: null,
      payload: {},
      attempts: 1,
      maxAttempts: 5,
      runAt: later.now(),
    };
    const after = await p.db.transaction((tx) =>
      makeFileSweepJob(p.services.storage)(job, { ...p.systemCtx(tx, 'job:files.sweep'), clock: later }),
    );
    expect(await p.services.storage.get('m0/2026/01/job-orphan')).not.toBeNull(); // not inside the job's transaction
    await after!(p.db);
    expect(await keys()).toEqual([uploadedKey]);
    const audit = await p.db.query<{ after: { removed: number; keys: string[] } }>(
      `SELECT after FROM audit_log WHERE action = 'files.swept'`,
    );
    expect(audit.map((a) => a.after)).toEqual([
      expect.objectContaining({ removed: 1, keys: ['m0/2026/01/job-orphan'] }),
    ]);
    const scheduled = await p.db.query<{ run_at: Date }>(
      `SELECT run_at FROM jobs WHERE kind = $1 ORDER BY run_at`,
      [FILE_SWEEP_JOB],
    );
    const day = (d: number) =>
      new Date(
        Date.UTC(later.now().getUTCFullYear(), later.now().getUTCMonth(), later.now().getUTCDate() + d, 3),
      );
    const first = later.now() < day(0) ? day(0) : day(1);
    expect(scheduled.map((r) => new Date(r.run_at).toISOString())).toEqual([first.toISOString()]);
  });

  it('knows every column of the schema that can hold a storage key', async () => {
    const columns = await p.db.query<{ c: string }>(
      `SELECT table_name || '.' || column_name AS c FROM information_schema.columns
        WHERE table_schema = 'public'
          AND column_name ~ '(^|_)(storage|file|docx|pdf|odt|xlsx|photo|image|audio|media)_key$' ORDER BY 1`,
    );
    const known = new Set(FILE_COLUMNS.map((c) => `${c.table}.${c.key}`));
    expect(columns.map((r) => r.c).filter((c) => !known.has(c))).toEqual([]);
    expect(columns.map((r) => r.c)).toEqual(expect.arrayContaining([...known]));
    for (const c of FILE_COLUMNS)
      for (const col of [c.key, c.sha256].filter((x) => x !== null))
        expect(await columnExists(c.table, col), `${c.table}.${col}`).toBe(true);
  });

  async function columnExists(table: string, column: string): Promise<boolean> {
    const rows = await p.db.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
      [table, column],
    );
    return rows.length === 1;
  }
});
