import { resolve } from 'node:path';
import { AppError } from '@zemstvo/kernel';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  /** `postgres://…` for a server; `memory://` for an in-memory PGlite; empty for PGlite in dataDir. */
  url?: string | undefined;
  dataDir: string;
  poolSize?: number;
}

export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  const url = cfg.url?.trim();
  if (!url) return openPglite({ dataDir: resolve(cfg.dataDir) });
  if (url === 'memory://') return openPglite({});
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    try {
      return await openPostgres(url, cfg.poolSize);
    } catch (e) {
      throw new AppError(
        'database_unreachable',
        `Cannot connect to the PostgreSQL server in DATABASE_URL: ${(e as Error).message}`,
        503,
      );
    }
  }
  throw new AppError(
    'bad_database_url',
    'DATABASE_URL must start with postgres:// or postgresql:// (or be memory:// for an in-memory database)',
    400,
  );
}
