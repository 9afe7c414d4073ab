import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { AppError, type Sql } from '@zemstvo/kernel';
import type { Database } from '../database.ts';
import { quoteIdent, readCatalog, readSequences, setPortableFormats, type TableInfo } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, type MigrationStamp } from './format.ts';
import { orderTreeRows } from './tree-order.ts';

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  migrations: number;
  lastMigration: string | null;
}

const FETCH_SIZE = 1000;
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes a consistent snapshot of the whole database to `file`: one REPEATABLE READ, READ ONLY
 * transaction reads every table, so rows committed meanwhile are in the backup entirely or not
 * at all. The file appears only when complete (written under a temporary name, then renamed).
 */
export async function writeBackup(
  db: Database,
  file: string,
  opts: {
    overwrite?: boolean;
    now?: Date;
    /** Called after each table is written (progress output). */
    onTable?: (t: { schema: string; name: string; rows: number }) => void | Promise<void>;
  } = {},
): Promise<BackupSummary> {
  if (existsSync(file) && !opts.overwrite)
    throw new AppError(
      'file_exists',
      `${file} already exists; choose another file or pass --force to replace it.`,
      409,
    );
  if (!existsSync(dirname(file)))
    throw new AppError('no_such_directory', `The directory ${dirname(file)} does not exist.`, 400);
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  const counts = { tables: 0, rows: 0, migrations: [] as MigrationStamp[] };
  try {
    await db.transaction(async (sql) => {
      await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await setPortableFormats(sql);
      const migrations = await readMigrations(sql);
      counts.migrations = migrations;
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: (opts.now ?? new Date()).toISOString(),
        database: db.kind,
        serverVersion: (await sql.query<{ v: string }>('SHOW server_version'))[0]?.v ?? '',
        migrations,
      };
      const lines = backupLines(sql, header, counts, opts.onTable);
      await pipeline(Readable.from(chunked(lines)), createGzip(), createWriteStream(tmp));
    });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code && err.syscall)
      throw new AppError('cannot_write', `Cannot write ${file}: ${err.message}`, 400);
    throw e;
  }
  const last = counts.migrations.at(-1);
  return {
    file,
    bytes: statSync(file).size,
    tables: counts.tables,
    rows: counts.rows,
    migrations: counts.migrations.length,
    lastMigration: last?.id ?? null,
  };
}

async function readMigrations(sql: Sql): Promise<MigrationStamp[]> {
  const exists = await sql.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0]?.t)
    throw new AppError(
      'not_migrated',
      'The database has no Zemstvo schema (no migrations applied): nothing to back up.',
      400,
    );
  return sql.query<MigrationStamp>('SELECT id, checksum FROM schema_migrations ORDER BY applied_at, id');
}

async function* backupLines(
  sql: Sql,
  header: BackupHeader,
  counts: { tables: number; rows: number },
  onTable?: (t: { schema: string; name: string; rows: number }) => void | Promise<void>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  const tables = await readCatalog(sql);
  for (const t of tables) {
    const name = { schema: t.schema, name: t.name };
    yield `${JSON.stringify({ table: name, columns: t.columns })}\n`;
    let rows = 0;
    for await (const row of tableRows(sql, t)) {
      yield `${JSON.stringify(row)}\n`;
      rows++;
    }
    yield `${JSON.stringify({ tableEnd: name, rows })}\n`;
    counts.tables++;
    counts.rows += rows;
    await onTable?.({ ...name, rows });
  }
  const sequences = await readSequences(sql);
  yield `${JSON.stringify({ sequences: sequences.map((s) => ({ name: s.qualified, lastValue: s.lastValue })) })}\n`;
  yield `${JSON.stringify({ end: true, tables: counts.tables, rows: counts.rows })}\n`;
}

/** Every row as an array of text values, through a cursor (constant memory) unless it is a tree. */
async function* tableRows(sql: Sql, t: TableInfo): AsyncGenerator<(string | null)[]> {
  if (t.columns.length === 0) return;
  const select = `SELECT ${t.columns.map((c, i) => `${quoteIdent(c.name)}::text AS c${i}`).join(', ')} FROM ${t.qualified}`;
  const toArray = (r: Record<string, string | null>) => t.columns.map((_c, i) => r[`c${i}`] ?? null);
  if (t.selfReferences.length > 0) {
    // A tree: parents must be restored before their children, so the rows are ordered in memory.
    const all = (await sql.query<Record<string, string | null>>(select)).map(toArray);
    yield* orderTreeRows(t, all);
    return;
  }
  await sql.query(`DECLARE zemstvo_backup NO SCROLL CURSOR FOR ${select}`);
  for (;;) {
    const batch = await sql.query<Record<string, string | null>>(`FETCH ${FETCH_SIZE} FROM zemstvo_backup`);
    for (const r of batch) yield toArray(r);
    if (batch.length < FETCH_SIZE) break;
  }
  await sql.query('CLOSE zemstvo_backup');
}

/** Joins small lines into larger chunks for the gzip stream. */
async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let buf = '';
  for await (const line of lines) {
    buf += line;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
