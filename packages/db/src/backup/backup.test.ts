import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@zemstvo/kernel';
import type { Database } from '../database.ts';
import { platformMigrations } from '../index.ts';
import { loadMigrations, migrate, type MigrationSource } from '../migrate.ts';
import { openDatabase } from '../open.ts';
import { createScratchTarget, type ScratchTarget } from '../testing.ts';
import { restoreBackup } from './restore-backup.ts';
import { writeBackup } from './write-backup.ts';

// A schema with what a logical backup finds hard: identity ALWAYS columns, a self-referencing
// composite foreign key, a generated column, a trigger, arrays, jsonb, bytea, intervals, floats.
const SCHEMA = `
CREATE TABLE owners (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
CREATE TABLE nodes (
  tenant uuid NOT NULL, id uuid NOT NULL, parent_id uuid, owner_id bigint REFERENCES owners (id),
  label text NOT NULL, doc jsonb, tags text[], at timestamptz, day date, span interval,
  amount numeric(12, 2), ratio double precision, blob bytea, flag boolean, code "char",
  label_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', label)) STORED,
  PRIMARY KEY (tenant, id), FOREIGN KEY (tenant, parent_id) REFERENCES nodes (tenant, id)
);
CREATE TABLE counters (n serial PRIMARY KEY, note text);
CREATE SEQUENCE standalone_seq;
CREATE TABLE owner_log (owner_id bigint NOT NULL, logged text NOT NULL);
CREATE FUNCTION log_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO owner_log VALUES (NEW.id, NEW.name); RETURN NEW; END $$;
CREATE TRIGGER owners_logged AFTER INSERT ON owners FOR EACH ROW EXECUTE FUNCTION log_owner();
`;
const T = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';
const CHAIN = 3000;

let work: string;
let schemaSource: MigrationSource;
const targets: ScratchTarget[] = [];
const open: Database[] = [];

/** A migrated database; PGlite ones in memory (initdb on disk costs seconds and adds nothing here). */
async function migrated(kind: 'pglite' | 'postgres', extra: MigrationSource[] = []): Promise<Database> {
  let db: Database;
  if (kind === 'pglite') db = await openDatabase({ url: 'memory://', dataDir: '' });
  else {
    const target = await createScratchTarget({ kind });
    targets.push(target);
    db = await target.open();
  }
  open.push(db);
  await migrate(db, loadMigrations([platformMigrations, schemaSource, ...extra]));
  return db;
}

async function fill(db: Database): Promise<void> {
  await db.exec(`
    INSERT INTO owners (name) VALUES ('Иван «Грозный»'), ('O''Brien \\ back'), ('third');
    INSERT INTO nodes (tenant, id, parent_id, owner_id, label, doc, tags, at, day, span, amount, ratio, blob, flag, code) VALUES
      ('${T}', '00000000-0000-4000-8000-0000000000a1', NULL, 1, 'Корень', '{"a": [1, {"b": "ё\\"x"}], "n": null}',
       ARRAY['x', NULL, 'with "quotes"', 'с,запятой'], '2026-03-01 12:34:56.789012+03', '2026-12-31',
       '1 year 2 mons 3 days 04:05:06.789', 12345.67, 0.1 + 0.2, '\\x00ff10', true, 'a'),
      ('${T}', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a1', 2, E'line\\nbreak\\ttab', NULL,
       '{}', NULL, NULL, NULL, NULL, 'Infinity', '\\x', false, NULL),
      ('${T}', '00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000a2', NULL, 'leaf', '[]',
       NULL, '1999-01-01 00:00:00+00', '0001-01-01', '-1 day', -0.01, -1e-300, NULL, NULL, 'z');
    -- Move the root to the end of the heap: a plain scan now meets children before their parent.
    UPDATE nodes SET label = 'Корень дерева' WHERE parent_id IS NULL;
    -- A chain longer than one INSERT batch whose first links are moved to the end of the heap, so
    -- that children come batches before their parents unless the backup orders the tree.
    INSERT INTO nodes (tenant, id, parent_id, label)
      SELECT '${T2}', lpad(to_hex(i), 32, '0')::uuid, CASE WHEN i > 1 THEN lpad(to_hex(i - 1), 32, '0')::uuid END, 'n' || i
      FROM generate_series(1, ${CHAIN}) i;
    UPDATE nodes SET label = label || '!' WHERE tenant = '${T2}' AND id <= lpad(to_hex(100), 32, '0')::uuid;
    INSERT INTO counters (note) VALUES ('one'), ('two');
    SELECT nextval('standalone_seq'), nextval('standalone_seq'), nextval('standalone_seq');
  `);
}

/** Every table's rows in text form, ordered: equal snapshots mean equal data. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ['owners', 'nodes', 'counters', 'owner_log', 'jobs'])
    out[table] = (await db.query<{ r: string }>(`SELECT t::text AS r FROM ${table} t ORDER BY t::text`)).map(
      (x) => x.r,
    );
  return out;
}

async function nextValues(db: Database) {
  const [o] = await db.query<{ id: number }>(
    `INSERT INTO owners (name) VALUES ('next') RETURNING id::int AS id`,
  );
  const [c] = await db.query<{ n: number }>(`INSERT INTO counters (note) VALUES ('next') RETURNING n`);
  const [s] = await db.query<{ v: number }>(`SELECT nextval('standalone_seq')::int AS v`);
  const [l] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM owner_log WHERE logged = 'next'`);
  return { owner: o?.id, counter: c?.n, seq: s?.v, triggerFired: l?.n };
}

async function expectAppError(p: Promise<unknown>, code: string): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isAppError(e) ? e.code : e).toBe(code);
  return (e as Error).message;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'zemstvo-backup-test-'));
  schemaSource = { module: 'backup_test', dir: join(work, 'migrations') };
  mkdirSync(schemaSource.dir);
  writeFileSync(join(schemaSource.dir, '0001_schema.sql'), SCHEMA);
});

afterAll(async () => {
  for (const db of open) await db.close().catch(() => {});
  for (const t of targets) await t.dispose();
  rmSync(work, { recursive: true, force: true });
});

// PGlite → the suite's database (a PostgreSQL server under `npm run test:pg`) → PGlite again.
const middleKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

describe(`backup and restore (PGlite → ${middleKind} → PGlite)`, { timeout: 180_000 }, () => {
  it('round-trips every value, tree order, sequences and triggers', async () => {
    const source = await migrated('pglite');
    await fill(source);
    const expected = await snapshot(source);
    const file1 = join(work, 'first.jsonl.gz');
    const summary = await writeBackup(source, file1);
    expect(summary).toMatchObject({ tables: 5, rows: 3 + 3 + CHAIN + 2 + 3, migrations: 2 });

    const middle = await migrated(middleKind);
    const restored = await restoreBackup(middle, file1);
    expect(restored).toMatchObject({ tables: 5, rows: 11 + CHAIN, replacedData: false });
    expect(await snapshot(middle)).toEqual(expected);

    const file2 = join(work, 'second.jsonl.gz');
    await writeBackup(middle, file2);
    const last = await migrated('pglite');
    await restoreBackup(last, file2);
    expect(await snapshot(last)).toEqual(expected);

    // Sequences continue where the source stopped; the trigger is on again, and fired once per row.
    const want = await nextValues(source);
    expect(want).toEqual({ owner: 4, counter: 3, seq: 4, triggerFired: 1 });
    expect(await nextValues(middle)).toEqual(want);
    expect(await nextValues(last)).toEqual(want);
  });

  it('is a snapshot: a write committed while the backup runs is not in it', async () => {
    const source = await migrated(middleKind);
    await fill(source);
    const file = join(work, 'snapshot.jsonl.gz');
    let write: Promise<unknown> | null = null;
    await writeBackup(source, file, {
      onTable: async (t) => {
        if (t.name !== 'counters' || write) return;
        // Another connection writes to a table already written and to one not yet written.
        write = source.exec(
          `INSERT INTO owners (name) VALUES ('late'); INSERT INTO owner_log VALUES (99, 'late')`,
        );
        // On a server it commits right away; on PGlite it waits for the backup's transaction.
        if (source.kind === 'postgres') await write;
      },
    });
    await write;
    expect((await source.query(`SELECT 1 FROM owners WHERE name = 'late'`)).length).toBe(1);
    const target = await migrated('pglite');
    await restoreBackup(target, file);
    expect(await target.query(`SELECT 1 FROM owners WHERE name = 'late'`)).toEqual([]);
    expect(await target.query(`SELECT 1 FROM owner_log WHERE logged = 'late'`)).toEqual([]);
  });

  it('refuses a non-empty database unless forced, then replaces its data', async () => {
    const source = await migrated('pglite');
    await fill(source);
    const file = join(work, 'force.jsonl.gz');
    await writeBackup(source, file);
    const target = await migrated(middleKind);
    await target.exec(`INSERT INTO owners (name) VALUES ('already here')`);
    const msg = await expectAppError(restoreBackup(target, file), 'database_not_empty');
    expect(msg).toContain('public.owners');
    expect(msg).toContain('--force');
    expect((await target.query('SELECT name FROM owners')).length).toBe(1);

    const r = await restoreBackup(target, file, { force: true });
    expect(r.replacedData).toBe(true);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('refuses a backup from another migration level, naming the migrations', async () => {
    const source = await migrated('pglite');
    const file = join(work, 'level.jsonl.gz');
    await writeBackup(source, file);
    const extraDir = join(work, 'extra');
    mkdirSync(extraDir);
    writeFileSync(join(extraDir, '0001_more.sql'), 'CREATE TABLE more_things (id int PRIMARY KEY);');
    const newer = await migrated(middleKind, [{ module: 'extra', dir: extraDir }]);
    const msg = await expectAppError(restoreBackup(newer, file), 'backup_migration_mismatch');
    expect(msg).toContain('older migration level');
    expect(msg).toContain('extra/0001_more.sql');
  });

  it('refuses damaged, cut-short, foreign and missing files, and never overwrites by accident', async () => {
    const source = await migrated('pglite');
    await fill(source);
    const file = join(work, 'good.jsonl.gz');
    await writeBackup(source, file);
    await expectAppError(writeBackup(source, file), 'file_exists');
    await expectAppError(writeBackup(source, join(work, 'no-such-dir', 'x.gz')), 'no_such_directory');

    const target = await migrated('pglite');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const variants: [string, string, string][] = [
      ['cut.gz', gzipSync(lines.slice(0, -3).join('\n')).toString('base64'), 'incomplete'],
      ['plain.txt', Buffer.from('hello').toString('base64'), 'cannot be read'],
      ['other.gz', gzipSync('{"hello":"world"}\n').toString('base64'), 'not a Zemstvo backup'],
      [
        'edited.gz',
        gzipSync(lines.map((l, i) => (i === 5 ? '["x"]' : l)).join('\n')).toString('base64'),
        'Line 6',
      ],
    ];
    for (const [name, b64, text] of variants) {
      writeFileSync(join(work, name), Buffer.from(b64, 'base64'));
      expect(await expectAppError(restoreBackup(target, join(work, name)), 'bad_backup')).toContain(text);
    }
    await expectAppError(restoreBackup(target, join(work, 'absent.gz')), 'file_not_found');
    // Nothing of the failed attempts stayed behind.
    expect(await target.query('SELECT 1 FROM owners')).toEqual([]);
    await restoreBackup(target, file);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });
});
