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

// Any constant: taken while migrating so that two processes on one server never migrate at once.
const MIGRATION_LOCK = 7_345_120_991;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations, each in its own transaction. A migration already applied whose file
 * has changed since is refused: migrations are append-only history.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<MigrateResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const rows = await db.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migrations');
    const done = new Map(rows.map((r) => [r.id, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const seen = done.get(m.id);
      if (seen !== undefined) {
        if (seen !== m.checksum) {
          throw new AppError(
            'migration_changed',
            `Migration ${m.id} was changed after it had been applied; add a new migration instead.`,
            500,
          );
        }
        continue;
      }
      await db.transaction(async (sql) => {
        await sql.exec(m.sql);
        await sql.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [m.id, m.checksum]);
      });
      applied.push(m.id);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

export async function pendingMigrations(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0]?.t) return migrations.map((m) => m.id);
  const rows = await db.query<{ id: string }>('SELECT id FROM schema_migrations');
  const done = new Set(rows.map((r) => r.id));
  return migrations.filter((m) => !done.has(m.id)).map((m) => m.id);
}
