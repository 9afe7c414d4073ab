import { AppError, isAppError, type Sql } from '@zemstvo/kernel';
import type { Database } from '../database.ts';
import { quoteIdent, readCatalog, readSequences, setPortableFormats, type TableInfo } from './catalog.ts';
import {
  badBackup,
  compareMigrations,
  parseHeader,
  parseLine,
  type BackupHeader,
  type MigrationStamp,
} from './format.ts';
import { readBackupLines } from './read-backup.ts';

export interface RestoreSummary {
  file: string;
  tables: number;
  rows: number;
  /** The database held data that the restore replaced (only with `force`). */
  replacedData: boolean;
  backup: Pick<BackupHeader, 'createdAt' | 'database' | 'serverVersion'>;
  migrations: number;
}

export interface RestoreOptions {
  /** Replace the data of a database that is not empty. */
  force?: boolean;
  /** Runs inside the restore's transaction once the data is in (e.g. to write an audit record). */
  afterRestore?: (sql: Sql, summary: RestoreSummary) => Promise<void>;
}

const PARAMS_PER_INSERT = 20_000;

/**
 * Restores a backup written by `writeBackup` into a migrated database at the same migration level,
 * in one transaction: all of it or nothing. Rows are inserted table by table in the order of the
 * file (referenced tables first) with foreign keys checked and user triggers (the audit log's
 * append-only guard, …) off; sequences are set to where they were.
 */
export async function restoreBackup(
  db: Database,
  file: string,
  opts: RestoreOptions = {},
): Promise<RestoreSummary> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value);
    return await db.transaction(async (sql) => {
      await setPortableFormats(sql);
      await checkMigrations(sql, header.migrations);
      const catalog = await readCatalog(sql);
      const withRows = await tablesWithRows(sql, catalog);
      if (withRows.length > 0 && !opts.force)
        throw new AppError(
          'database_not_empty',
          `The database is not empty (data in ${withRows.slice(0, 5).join(', ')}${withRows.length > 5 ? ', …' : ''}). ` +
            'Restore into an empty database, or pass --force to replace all of its data.',
          409,
          { tables: withRows },
        );
      for (const t of catalog)
        for (const trigger of t.userTriggers)
          await sql.query(`ALTER TABLE ${t.qualified} DISABLE TRIGGER ${quoteIdent(trigger)}`);
      if (withRows.length > 0)
        await sql.query(`TRUNCATE ${catalog.map((t) => t.qualified).join(', ')} RESTART IDENTITY`);

      const loaded = await loadTables(sql, lines, catalog);
      for (const t of catalog)
        for (const trigger of t.userTriggers)
          await sql.query(`ALTER TABLE ${t.qualified} ENABLE TRIGGER ${quoteIdent(trigger)}`);
      const summary: RestoreSummary = {
        file,
        tables: loaded.tables,
        rows: loaded.rows,
        replacedData: withRows.length > 0,
        backup: {
          createdAt: header.createdAt,
          database: header.database,
          serverVersion: header.serverVersion,
        },
        migrations: header.migrations.length,
      };
      await opts.afterRestore?.(sql, summary);
      return summary;
    });
  } catch (e) {
    if (isAppError(e)) throw e;
    // A database error (a constraint the data breaks…): nothing was changed.
    throw new AppError(
      'restore_failed',
      `The restore failed and nothing was changed: ${(e as Error).message}`,
      500,
    );
  } finally {
    await lines.return(undefined);
  }
}

async function checkMigrations(sql: Sql, backup: readonly MigrationStamp[]): Promise<void> {
  const exists = await sql.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0]?.t)
    throw new AppError(
      'not_migrated',
      'The target database is not migrated; run `zemstvo migrate` first.',
      400,
    );
  const applied = await sql.query<MigrationStamp>(
    'SELECT id, checksum FROM schema_migrations ORDER BY applied_at, id',
  );
  const { onlyInBackup, onlyInDatabase } = compareMigrations(backup, applied);
  if (onlyInBackup.length === 0 && onlyInDatabase.length === 0) return;
  const list = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? `, … (${ids.length})` : '');
  let message: string;
  if (onlyInBackup.length === 0)
    message =
      `The backup was taken at an older migration level: this database has ${onlyInDatabase.length} migration(s) ` +
      `the backup lacks (${list(onlyInDatabase)}). Restore it with the Zemstvo version that took it, then upgrade.`;
  else if (onlyInDatabase.length === 0)
    message =
      `The backup was taken by a newer Zemstvo: it has ${onlyInBackup.length} migration(s) this installation ` +
      `does not know (${list(onlyInBackup)}). Upgrade Zemstvo, then restore.`;
  else
    message =
      `The backup was taken at another migration level (only in the backup: ${list(onlyInBackup)}; ` +
      `only in this database: ${list(onlyInDatabase)}).`;
  throw new AppError('backup_migration_mismatch', message, 409, { onlyInBackup, onlyInDatabase });
}

async function tablesWithRows(sql: Sql, catalog: readonly TableInfo[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of catalog) {
    const [r] = await sql.query<{ has: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${t.qualified}) AS has`);
    if (r?.has) out.push(`${t.schema}.${t.name}`);
  }
  return out;
}

const schemaMismatch = (message: string) =>
  new AppError('backup_schema_mismatch', `The backup does not match this database's schema: ${message}`, 409);

async function loadTables(
  sql: Sql,
  lines: AsyncGenerator<string>,
  catalog: readonly TableInfo[],
): Promise<{ tables: number; rows: number }> {
  const sequences = new Set((await readSequences(sql)).map((s) => s.qualified));
  const loaded = new Set<string>();
  let current: { table: TableInfo; batch: (string | null)[][]; rows: number } | null = null;
  let totalRows = 0;
  let lineNo = 1;
  let ended = false;
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    lineNo++;
    if (next.value.trim() === '') continue;
    if (ended) throw badBackup(`Line ${lineNo}: data after the closing line.`);
    const line = parseLine(next.value, lineNo);
    switch (line.type) {
      case 'table': {
        if (current) throw badBackup(`Line ${lineNo}: table ${current.table.name} was not closed.`);
        const table = catalog.find((t) => t.schema === line.table.schema && t.name === line.table.name);
        if (!table) throw schemaMismatch(`there is no table ${line.table.schema}.${line.table.name}.`);
        const expected = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
        const got = line.columns.map((c) => `${c.name} ${c.type}`).join(', ');
        if (expected !== got)
          throw schemaMismatch(`${table.name} has columns (${expected}), the backup (${got}).`);
        if (loaded.has(table.qualified))
          throw badBackup(`Line ${lineNo}: table ${table.name} appears twice.`);
        current = { table, batch: [], rows: 0 };
        break;
      }
      case 'row': {
        if (!current) throw badBackup(`Line ${lineNo}: a row outside any table.`);
        if (line.values.length !== current.table.columns.length)
          throw badBackup(`Line ${lineNo}: a row of ${current.table.name} has ${line.values.length} values.`);
        current.batch.push(line.values);
        current.rows++;
        if (current.batch.length * current.table.columns.length >= PARAMS_PER_INSERT)
          await flush(sql, current);
        break;
      }
      case 'tableEnd': {
        if (!current || current.table.name !== line.table.name || current.table.schema !== line.table.schema)
          throw badBackup(`Line ${lineNo}: the end of a table that was not open.`);
        await flush(sql, current);
        if (current.rows !== line.rows)
          throw badBackup(
            `Line ${lineNo}: ${current.table.name} should have ${line.rows} rows, the file has ${current.rows}.`,
          );
        loaded.add(current.table.qualified);
        totalRows += current.rows;
        current = null;
        break;
      }
      case 'sequences':
        for (const s of line.sequences) {
          if (!sequences.has(s.name)) throw schemaMismatch(`there is no sequence ${s.name}.`);
          if (s.lastValue === null) await sql.query(`ALTER SEQUENCE ${s.name} RESTART`);
          else
            await sql.query('SELECT setval($1::text::regclass, $2::text::bigint, true)', [
              s.name,
              s.lastValue,
            ]);
        }
        break;
      case 'end':
        if (current) throw badBackup(`Line ${lineNo}: the backup ends inside table ${current.table.name}.`);
        if (line.tables !== loaded.size || line.rows !== totalRows)
          throw badBackup(
            `The backup should hold ${line.tables} tables and ${line.rows} rows; it holds ${loaded.size} and ${totalRows}.`,
          );
        ended = true;
        break;
    }
  }
  if (!ended)
    throw badBackup('The backup is incomplete: it ends before its closing line (the file was cut short).');
  const missing = catalog.filter((t) => !loaded.has(t.qualified)).map((t) => `${t.schema}.${t.name}`);
  if (missing.length) throw schemaMismatch(`the backup has no data for ${missing.join(', ')}.`);
  return { tables: loaded.size, rows: totalRows };
}

/** Inserts the pending rows of a table as multi-row INSERTs, each value parsed from its text form. */
async function flush(sql: Sql, current: { table: TableInfo; batch: (string | null)[][] }): Promise<void> {
  const { table, batch } = current;
  if (batch.length === 0) return;
  const cols = table.columns;
  const values: string[] = [];
  const params: (string | null)[] = [];
  for (const row of batch) {
    values.push(`(${cols.map((c, i) => `$${params.length + i + 1}::text::${c.type}`).join(', ')})`);
    params.push(...row);
  }
  await sql.query(
    `INSERT INTO ${table.qualified} (${cols.map((c) => quoteIdent(c.name)).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${values.join(', ')}`,
    params,
  );
  current.batch = [];
}

/** The header of a backup file (when and where it was taken, its migrations), checked for format. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}
