import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { FILE_COLUMNS } from '@zemstvo/server';
import { verifyArchive } from '../backup/read-archive.ts';
import { hasStackTrace, killAllChildren, runCli, startServer } from '../testing/cli-process.ts';
import { call, login } from '../testing/http-client.ts';

// zemstvo backup / restore end to end: a demo database on PGlite, restored into the suite's
// database (a PostgreSQL server under `npm run test:pg`), backed up there and restored into PGlite.
const serverRun = Boolean(process.env.TEST_DATABASE_URL);
const CLERK = { email: 'clerk@zarechny.example', password: 'a long enough passphrase' };
let work: string;
let source: ScratchTarget;
let middle: ScratchTarget;
const targets: ScratchTarget[] = [];

async function scratch(kind?: 'pglite' | 'postgres'): Promise<ScratchTarget> {
  const t = await createScratchTarget(kind ? { kind } : {});
  targets.push(t);
  return t;
}

async function ok(args: string[], target: ScratchTarget, input = ''): Promise<string> {
  const res = await runCli(args, target.env, input);
  expect(res.code, `zemstvo ${args.join(' ')}: ${res.stderr}`).toBe(0);
  return res.stdout;
}

/** Every table's rows in text form, sorted; audit records of restores left out (they are new). */
async function contents(target: ScratchTarget): Promise<Record<string, string[]>> {
  const db = await target.open();
  try {
    return await db.transaction(async (tx) => {
      await tx.exec("SET LOCAL TimeZone = 'UTC'");
      const tables = await tx.query<{ t: string }>(
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_chain_heads' ORDER BY 1`,
      );
      const out: Record<string, string[]> = {};
      for (const { t } of tables) {
        const where = t === 'audit_log' ? `WHERE x.action <> 'database.restored'` : '';
        const cols = t === 'schema_migrations' ? 'x.id, x.checksum' : 'x.*';
        const row = `ROW(${cols})::text`;
        const rows = await tx.query<{ r: string }>(
          `SELECT ${row} AS r FROM ${t} x ${where} ORDER BY ${row} COLLATE "C"`,
        );
        out[t] = rows.map((r) => r.r);
      }
      return out;
    });
  } finally {
    await db.close();
  }
}

async function restoredRecords(target: ScratchTarget): Promise<number> {
  const db = await target.open();
  try {
    const [r] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'database.restored'`,
    );
    return r!.n;
  } finally {
    await db.close();
  }
}

/** The database snapshot inside a backup archive, extracted (a snapshot in the older format). */
async function snapshotOf(archive: string): Promise<string> {
  const dir = mkdtempSync(join(work, 'snapshot-'));
  return (await verifyArchive(archive, dir, FILE_COLUMNS)).snapshot;
}

/** A database-only backup (the older format) with its header's migration list changed. */
async function withMigrations(
  file: string,
  change: (m: { id: string; checksum: string }[]) => unknown[],
): Promise<string> {
  const lines = gunzipSync(readFileSync(await snapshotOf(file)))
    .toString('utf8')
    .split('\n');
  const header = JSON.parse(lines[0]!) as { migrations: { id: string; checksum: string }[] };
  header.migrations = change(header.migrations) as { id: string; checksum: string }[];
  lines[0] = JSON.stringify(header);
  const out = join(work, `doctored-${Math.random().toString(36).slice(2)}.jsonl.gz`);
  writeFileSync(out, gzipSync(lines.join('\n')));
  return out;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'zemstvo-cli-backup-'));
  source = await scratch('pglite');
  await ok(['seed'], source);
  await ok(
    [
      'users',
      'add',
      '--email',
      CLERK.email,
      '--name',
      'Клерк',
      '--kind',
      'staff',
      '--municipality',
      'zarechny',
      '--role',
      'admin',
      '--password-stdin',
    ],
    source,
    CLERK.password,
  );
  middle = await scratch();
});

afterAll(async () => {
  await killAllChildren();
  for (const t of targets) await t.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe(
  `zemstvo backup and restore (PGlite → ${serverRun ? 'PostgreSQL' : 'PGlite'} → PGlite)`,
  { timeout: 240_000 },
  () => {
    it('round-trips the whole database, the audit chain verifies, and the restored installation works', async () => {
      const first = join(work, 'first.tar.gz');
      expect(await ok(['backup', '--output', first], source)).toMatch(
        /Backup written to .*first\.tar\.gz: \d+ tables, \d+ rows/,
      );
      expect(await ok(['restore', '--input', first], middle)).toMatch(
        /Restored \d+ rows in \d+ tables into .* from the backup taken/,
      );
      expect(await ok(['audit', 'verify'], middle)).toContain('Audit log intact');
      const expected = await contents(source);
      expect(await contents(middle)).toEqual(expected);
      expect(await restoredRecords(middle)).toBe(1);

      // The restored database serves: sessions for the added user, writes that take new ids from
      // the restored sequences and append to the restored audit chains.
      const server = await startServer(middle.env);
      const session = await login(server.url, CLERK.email, CLERK.password);
      const created = await call(server.url, session, 'POST', '/api/m/zarechny/departments', {
        nameRu: 'Новый отдел',
        nameEn: 'New',
      });
      expect(created.status).toBe(201);
      expect((await server.stop('SIGTERM')).code).toBe(0);
      expect(await ok(['audit', 'verify'], middle)).toContain('Audit log intact');

      const second = join(work, 'second.tar.gz');
      await ok(['backup', '-o', second], middle);
      const last = await scratch('pglite');
      await ok(['restore', '-i', second], last);
      expect(await ok(['audit', 'verify'], last)).toContain('Audit log intact');
      expect(await contents(last)).toEqual(await contents(middle));
      expect(await restoredRecords(last)).toBe(2);
    });

    it('refuses to restore into a database that is not empty unless --force, which replaces its data', async () => {
      const file = join(work, 'first.tar.gz');
      const refused = await runCli(['restore', '--input', file], middle.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('The database is not empty');
      expect(refused.stderr).toContain('--force');
      expect(refused.stderr).toContain('[database_not_empty]');
      expect(hasStackTrace(refused.stderr)).toBe(false);

      expect(await ok(['restore', '--input', file, '--force'], middle)).toContain(
        '(its previous data replaced)',
      );
      expect(await contents(middle)).toEqual(await contents(source)); // the department added above is gone
      expect(await ok(['audit', 'verify'], middle)).toContain('Audit log intact');
    });

    it('refuses a backup from another migration level and says which migrations differ', async () => {
      const file = join(work, 'first.tar.gz');
      const older = await withMigrations(file, (m) => m.slice(0, -1));
      const lastId = JSON.parse(
        gunzipSync(readFileSync(await snapshotOf(file)))
          .toString('utf8')
          .split('\n')[0]!,
      ).migrations.at(-1).id as string;
      const fresh = await scratch();
      const res = await runCli(['restore', '--input', older], fresh.env);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('[backup_migration_mismatch]');
      expect(res.stderr).toContain('older migration level');
      expect(res.stderr).toContain(lastId);

      const newer = await withMigrations(file, (m) => [
        ...m,
        { id: 'future/0001_hoverboards.sql', checksum: 'x' },
      ]);
      const res2 = await runCli(['restore', '--input', newer], fresh.env);
      expect(res2.code).toBe(1);
      expect(res2.stderr).toContain('taken by a newer Zemstvo');
      expect(res2.stderr).toContain('future/0001_hoverboards.sql');
    });

    it('answers bad files and options with a clear message and no stack trace', async () => {
      const existing = join(work, 'first.tar.gz');
      writeFileSync(join(work, 'notes.txt'), 'not a backup');
      const cases: {
        args: string[];
        target: ScratchTarget | { env: Record<string, string> };
        code: number;
        says: string;
      }[] = [
        { args: ['backup', '--output', existing], target: source, code: 1, says: '[file_exists]' },
        {
          args: ['backup', '--output', join(work, 'missing-dir', 'b.gz')],
          target: source,
          code: 1,
          says: '[no_such_directory]',
        },
        {
          args: ['backup', '--output', join(work, 'x.gz')],
          target: { env: { DATA_DIR: join(work, 'no-db') } },
          code: 1,
          says: '[no_database]',
        },
        { args: ['backup'], target: source, code: 64, says: "required option '-o, --output <file>'" },
        {
          args: ['restore', '--input', join(work, 'absent.gz')],
          target: source,
          code: 1,
          says: '[file_not_found]',
        },
        {
          args: ['restore', '--input', join(work, 'notes.txt')],
          target: source,
          code: 1,
          says: '[bad_backup]',
        },
      ];
      for (const c of cases) {
        const res = await runCli(c.args, c.target.env);
        expect({ args: c.args.join(' '), code: res.code }).toEqual({ args: c.args.join(' '), code: c.code });
        expect(res.stderr).toContain(c.says);
        expect(hasStackTrace(res.stderr)).toBe(false);
      }
      expect(await ok(['backup', '--output', existing, '--force'], source)).toContain('Backup written');
    });
  },
);
