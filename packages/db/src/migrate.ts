import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, sha256Hex } from '@zemstvo/kernel';
import type { Database } from './database.ts';

/** A module's folder of plain SQL migrations, applied in file-name order. */
export interface MigrationSource {
  module: string;
  dir: string;
}

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(sources: readonly MigrationSource[]): Migration[] {
  const out: Migration[] = [];
  for (const src of sources) {
    const files = readdirSync(src.dir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    for (const file of files) {
      const sql = readFileSync(join(src.dir, file), 'utf8');
      out.push({ id: `${src.module}/${file}`, sql, checksum: sha256Hex(sql) });
    }
  }
  return out;
}

// Any constant: taken (per transaction) while migrating, so two processes on one server never
// apply the same migration at once.
const MIGRATION_LOCK = 7_345_120_991;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

const changed = (id: string) =>
  new AppError(
    'migration_changed',
    `Migration ${id} was changed after it had been applied; add a new migration instead.`,
    500,
  );

/**
 * Applies pending migrations, each in its own transaction. A migration already applied whose file
 * has changed since is refused: migrations are append-only history.
 *
 * The lock is a transaction-level advisory lock taken in each migration's transaction, which then
 * checks again whether another process applied it meanwhile. (A session-level lock would need one
 * dedicated connection; through a pool, the unlock could run on another connection and leave the
 * lock held for good.)
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<MigrateResult> {
  await db.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const rows = await db.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migrations');
  const done = new Map(rows.map((r) => [r.id, r.checksum]));
  for (const m of migrations) {
    const seen = done.get(m.id);
    if (seen !== undefined && seen !== m.checksum) throw changed(m.id);
  }
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    const appliedNow = await db.transaction(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const [other] = await sql.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE id = $1',
        [m.id],
      );
      if (other) {
        if (other.checksum !== m.checksum) throw changed(m.id);
        return false; // another process applied it meanwhile
      }
      await sql.exec(m.sql);
      await sql.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [m.id, m.checksum]);
      return true;
    });
    if (appliedNow) applied.push(m.id);
  }
  return { applied, alreadyApplied: done.size };
}

export async function pendingMigrations(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0]?.t) return migrations.map((m) => m.id);
  const rows = await db.query<{ id: string }>('SELECT id FROM schema_migrations');
  const done = new Set(rows.map((r) => r.id));
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}
