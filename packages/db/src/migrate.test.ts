import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@zemstvo/kernel';
import { platformMigrations } from './index.ts';
import { loadMigrations, migrate, pendingMigrations, type MigrationSource } from './migrate.ts';
import { createScratchTarget, openScratchDatabase, type ScratchDatabase } from './testing.ts';

let work: string;
let scratch: ScratchDatabase;
let source: MigrationSource;

function writeMigration(file: string, sql: string): void {
  writeFileSync(join(source.dir, file), sql);
}
const all = () => loadMigrations([platformMigrations, source]);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zemstvo-migrate-test-'));
  source = { module: 'things', dir: join(work, 'things') };
  mkdirSync(source.dir);
  writeMigration('0001_things.sql', 'CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL);');
  writeMigration(
    '0002_more.sql',
    "ALTER TABLE things ADD COLUMN note text; INSERT INTO things VALUES (1, 'first', NULL);",
  );
  writeFileSync(join(source.dir, 'README.md'), 'not a migration');
  scratch = await openScratchDatabase();
});

afterAll(async () => {
  await scratch?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe(`migrations (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('applies pending migrations in order, each recorded with its checksum', async () => {
    expect(await pendingMigrations(scratch.db, all())).toEqual([
      'platform/0001_platform.sql',
      'things/0001_things.sql',
      'things/0002_more.sql',
    ]);
    const result = await migrate(scratch.db, all());
    expect(result).toEqual({
      applied: ['platform/0001_platform.sql', 'things/0001_things.sql', 'things/0002_more.sql'],
      alreadyApplied: 0,
    });
    expect(await scratch.db.query('SELECT id, name, note FROM things')).toEqual([
      { id: 1, name: 'first', note: null },
    ]);
    const recorded = await scratch.db.query<{ id: string; checksum: string }>(
      'SELECT id, checksum FROM schema_migrations ORDER BY id',
    );
    expect(recorded).toEqual(
      all()
        .map((m) => ({ id: m.id, checksum: m.checksum }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('is a no-op when run again, also after a restart', async () => {
    expect(await migrate(scratch.db, all())).toEqual({ applied: [], alreadyApplied: 3 });
    await scratch.reopen();
    expect(await pendingMigrations(scratch.db, all())).toEqual([]);
    expect(await migrate(scratch.db, all())).toEqual({ applied: [], alreadyApplied: 3 });
    expect(await scratch.db.query('SELECT count(*)::int AS n FROM things')).toEqual([{ n: 1 }]);
  });

  it('applies each migration once when two migrate at the same time', async () => {
    // On a server: two processes (two pools) on one fresh database. PGlite allows one process per
    // data directory, so there: two concurrent calls on one handle.
    const target = await createScratchTarget();
    const first = await target.open();
    const second = target.kind === 'postgres' ? await target.open() : first;
    try {
      const [a, b] = await Promise.all([migrate(first, all()), migrate(second, all())]);
      expect([...a.applied, ...b.applied].sort()).toEqual(
        all()
          .map((m) => m.id)
          .sort(),
      );
      expect(await first.query('SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: 3 }]);
      expect(await first.query('SELECT count(*)::int AS n FROM things')).toEqual([{ n: 1 }]);
    } finally {
      if (second !== first) await second.close();
      await first.close();
      await target.dispose();
    }
  });

  it('applies a new migration alone; a failing one leaves nothing behind', async () => {
    writeMigration('0003_index.sql', 'CREATE INDEX things_name ON things (name);');
    expect((await migrate(scratch.db, all())).applied).toEqual(['things/0003_index.sql']);
    writeMigration('0004_broken.sql', 'CREATE TABLE half_done (id int); SELECT no_such_function();');
    await expect(migrate(scratch.db, all())).rejects.toThrow(/no_such_function/);
    expect(await scratch.db.query("SELECT to_regclass('half_done')::text AS t")).toEqual([{ t: null }]);
    expect(await pendingMigrations(scratch.db, all())).toEqual(['things/0004_broken.sql']);
    rmSync(join(source.dir, '0004_broken.sql'));
  });

  it('refuses a migration that was changed after it had been applied', async () => {
    writeMigration('0001_things.sql', 'CREATE TABLE things (id bigint PRIMARY KEY, name text NOT NULL);');
    const error = await migrate(scratch.db, all()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(error) && error.code).toBe('migration_changed');
    expect((error as Error).message).toContain(
      'things/0001_things.sql was changed after it had been applied',
    );
  });
});
