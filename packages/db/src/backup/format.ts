import { AppError } from '@zemstvo/kernel';
import type { ColumnInfo } from './catalog.ts';

/**
 * A Zemstvo backup is gzip'd JSON lines, one snapshot of the whole database:
 *
 *   {"format":"zemstvo-backup","formatVersion":1,"createdAt":…,"database":"pglite",…,"migrations":[…]}
 *   {"table":{"schema":"public","name":"regions"},"columns":[{"name":"id","type":"uuid"},…]}
 *   ["2b0e…","demo-krai",…]               one line per row: every value in PostgreSQL's text form, or null
 *   {"tableEnd":{"schema":"public","name":"regions"},"rows":1}
 *   … every table, referenced tables first …
 *   {"sequences":[{"name":"\"public\".\"jobs_id_seq\"","lastValue":"12"}]}
 *   {"end":true,"tables":14,"rows":530}
 *
 * Values in text form round-trip between PGlite and any PostgreSQL server with no driver in between
 * deciding what a timestamp or a jsonb value looks like. The closing line proves the file is whole.
 */
export const BACKUP_FORMAT = 'zemstvo-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface MigrationStamp {
  id: string;
  checksum: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  database: string;
  serverVersion: string;
  migrations: MigrationStamp[];
}

export interface TableName {
  schema: string;
  name: string;
}

export type BackupLine =
  | { type: 'table'; table: TableName; columns: ColumnInfo[] }
  | { type: 'row'; values: (string | null)[] }
  | { type: 'tableEnd'; table: TableName; rows: number }
  | { type: 'sequences'; sequences: { name: string; lastValue: string | null }[] }
  | { type: 'end'; tables: number; rows: number };

export const badBackup = (message: string) => new AppError('bad_backup', message, 400);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function tableName(v: unknown): TableName | null {
  return isObject(v) && isString(v.schema) && isString(v.name) ? { schema: v.schema, name: v.name } : null;
}

export function parseHeader(line: string | undefined): BackupHeader {
  const v = parseJson(line ?? '', 1);
  if (!isObject(v) || v.format !== BACKUP_FORMAT)
    throw badBackup('This file is not a Zemstvo backup (no backup header).');
  if (v.formatVersion !== BACKUP_FORMAT_VERSION)
    throw badBackup(
      `This backup has format version ${String(v.formatVersion)}; this Zemstvo reads version ${BACKUP_FORMAT_VERSION}.`,
    );
  const migrations = Array.isArray(v.migrations) ? v.migrations : null;
  if (!migrations || !migrations.every((m) => isObject(m) && isString(m.id) && isString(m.checksum)))
    throw badBackup('The backup header has no valid migration list.');
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: isString(v.createdAt) ? v.createdAt : '',
    database: isString(v.database) ? v.database : '',
    serverVersion: isString(v.serverVersion) ? v.serverVersion : '',
    migrations: migrations.map((m) => ({ id: String(m.id), checksum: String(m.checksum) })),
  };
}

/** Parses one line after the header; `lineNo` is 1-based, for messages. */
export function parseLine(line: string, lineNo: number): BackupLine {
  const v = parseJson(line, lineNo);
  if (Array.isArray(v)) {
    if (!v.every((x) => x === null || isString(x)))
      throw badBackup(`Line ${lineNo}: a row holds a value that is not text.`);
    return { type: 'row', values: v as (string | null)[] };
  }
  if (isObject(v)) {
    const table = tableName(v.table);
    if (
      table &&
      Array.isArray(v.columns) &&
      v.columns.every((c) => isObject(c) && isString(c.name) && isString(c.type))
    )
      return {
        type: 'table',
        table,
        columns: v.columns.map((c) => ({ name: String(c.name), type: String(c.type) })),
      };
    const ended = tableName(v.tableEnd);
    if (ended && isCount(v.rows)) return { type: 'tableEnd', table: ended, rows: v.rows };
    if (
      Array.isArray(v.sequences) &&
      v.sequences.every(
        (s) => isObject(s) && isString(s.name) && (s.lastValue === null || isString(s.lastValue)),
      )
    )
      return {
        type: 'sequences',
        sequences: v.sequences.map((s) => ({
          name: String(s.name),
          lastValue: s.lastValue === null ? null : String(s.lastValue),
        })),
      };
    if (v.end === true && isCount(v.tables) && isCount(v.rows))
      return { type: 'end', tables: v.tables, rows: v.rows };
  }
  throw badBackup(`Line ${lineNo} of the backup is not understood.`);
}

function parseJson(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw badBackup(
      `Line ${lineNo} of the backup is not valid JSON (the file is damaged or not a Zemstvo backup).`,
    );
  }
}

/** The migrations one side has and the other lacks; empty lists mean the same level. */
export function compareMigrations(backup: readonly MigrationStamp[], database: readonly MigrationStamp[]) {
  const key = (m: MigrationStamp) => `${m.id}@${m.checksum}`;
  const inBackup = new Set(backup.map(key));
  const inDb = new Set(database.map(key));
  return {
    onlyInBackup: backup.filter((m) => !inDb.has(key(m))).map((m) => m.id),
    onlyInDatabase: database.filter((m) => !inBackup.has(key(m))).map((m) => m.id),
  };
}
