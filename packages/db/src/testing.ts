import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Database, DatabaseKind } from './database.ts';
import { openDatabase } from './open.ts';

/**
 * A fresh, empty database for one test, on the backend the suite runs on: a new database on the
 * server in TEST_DATABASE_URL (`npm run test:pg`), otherwise PGlite in a temp data directory
 * (or in memory). Nothing is migrated: tests choose their migrations.
 */
export interface ScratchTarget {
  kind: DatabaseKind;
  /** Environment for a child process (`zemstvo …`) to use this database. */
  env: { DATABASE_URL: string } | { DATA_DIR: string };
  /** The server URL (postgres) or the data directory (PGlite), for messages. */
  location: string;
  /** Opens a new connection to it; on PGlite this takes the data-directory lock until closed. */
  open(opts?: { poolSize?: number }): Promise<Database>;
  /** Deletes the database (drops it on the server, removes the data directory). */
  dispose(): Promise<void>;
}

export const testServerUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export async function createScratchTarget(opts: { kind?: DatabaseKind } = {}): Promise<ScratchTarget> {
  const serverUrl = testServerUrl();
  const kind = opts.kind ?? (serverUrl ? 'postgres' : 'pglite');
  if (kind === 'postgres') {
    if (!serverUrl)
      throw new Error('a PostgreSQL scratch database needs TEST_DATABASE_URL (npm run test:pg)');
    return createServerTarget(serverUrl);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'zemstvo-scratch-'));
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir },
    location: dataDir,
    open: () => openDatabase({ dataDir }),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createServerTarget(serverUrl: string): Promise<ScratchTarget> {
  const name = `zs_${randomBytes(8).toString('hex')}`;
  const admin = await openDatabase({ url: serverUrl, dataDir: '', poolSize: 1 });
  try {
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    location: url.toString(),
    open: (o) => openDatabase({ url: url.toString(), dataDir: '', poolSize: o?.poolSize ?? 4 }),
    async dispose() {
      const a = await openDatabase({ url: serverUrl, dataDir: '', poolSize: 1 });
      try {
        await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.close();
      }
    },
  };
}

export interface ScratchDatabase {
  kind: DatabaseKind;
  /** The open handle; replaced by `reopen`. */
  db: Database;
  /** Closes the database and opens it again, as a restarted process would. */
  reopen(): Promise<Database>;
  /** Closes and deletes it. */
  dispose(): Promise<void>;
}

/** A scratch database, opened. PGlite ones persist to a temp data directory so `reopen` keeps the data. */
export async function openScratchDatabase(
  opts: { kind?: DatabaseKind; poolSize?: number } = {},
): Promise<ScratchDatabase> {
  const target = await createScratchTarget(opts);
  const poolOpts = opts.poolSize ? { poolSize: opts.poolSize } : {};
  const scratch: ScratchDatabase = {
    kind: target.kind,
    db: await target.open(poolOpts),
    async reopen() {
      await scratch.db.close();
      scratch.db = await target.open(poolOpts);
      return scratch.db;
    },
    async dispose() {
      await scratch.db.close().catch(() => {});
      await target.dispose();
    },
  };
  return scratch;
}
