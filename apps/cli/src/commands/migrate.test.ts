import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '@zemstvo/db';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { migrationSources } from '@zemstvo/server';
import { hasStackTrace, killAllChildren, runCli } from '../testing/cli-process.ts';

// Every module's migrations, applied by `zemstvo migrate` on the suite's database.
let target: ScratchTarget;
const expected = loadMigrations(migrationSources).map((m) => m.id);

beforeAll(async () => {
  target = await createScratchTarget();
});
afterAll(async () => {
  await killAllChildren();
  await target?.dispose();
});

async function applied(): Promise<{ id: string; applied_at: string }[]> {
  const db = await target.open();
  try {
    return await db.query(
      'SELECT id, applied_at::text AS applied_at FROM schema_migrations ORDER BY applied_at, id',
    );
  } finally {
    await db.close();
  }
}

describe(
  `zemstvo migrate (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  { timeout: 240_000 },
  () => {
    it('lists every migration as pending on an empty database, then applies them all', async () => {
      const status = await runCli(['migrate', '--status'], target.env);
      expect(status.code, status.stderr).toBe(0);
      for (const id of expected) expect(status.stdout).toContain(id);

      const res = await runCli(['migrate'], target.env);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('Migrations applied; the database is up to date.');
      expect((await applied()).map((r) => r.id).sort()).toEqual([...expected].sort());
    });

    it('does nothing when run again', async () => {
      const before = await applied();
      const res = await runCli(['migrate'], target.env);
      expect(res.code, res.stderr).toBe(0);
      expect(await applied()).toEqual(before);
      const status = await runCli(['migrate', '--status'], target.env);
      expect(status.stdout).toContain('The database is up to date.');
    });

    it('explains a bad DATABASE_URL or an unreachable server without a stack trace', async () => {
      const bad = await runCli(['migrate'], { DATABASE_URL: 'mysql://localhost/zemstvo' });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('[bad_database_url]');
      const down = await runCli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
      expect(down.code).toBe(1);
      expect(down.stderr).toContain('[database_unreachable]');
      const usage = await runCli(['migrate', '--no-such-option'], target.env);
      expect(usage.code).toBe(64);
      expect(usage.stderr).toContain("unknown option '--no-such-option'");
      for (const r of [bad, down, usage]) expect(hasStackTrace(r.stderr)).toBe(false);
    });
  },
);
