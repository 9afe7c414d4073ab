import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { withBeforeCommit, type Row, type Sql } from '@zemstvo/kernel';
import type { Database } from './database.ts';
import { DataDirLock } from './lock.ts';

export interface PgliteOptions {
  /** Directory to persist to; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A dumped data directory to start from (test fixtures). */
  loadDataDir?: Blob | File;
}

export async function openPglite(opts: PgliteOptions): Promise<Database> {
  const lock = opts.dataDir ? DataDirLock.acquire(opts.dataDir) : null;
  let pg: PGlite;
  try {
    pg = await PGlite.create({
      ...(opts.dataDir ? { dataDir: `${opts.dataDir}/pgdata` } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { pg_trgm },
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const asSql = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T extends object = Row>(text: string, params?: readonly unknown[]) {
      const res = await q.query<T>(text, params ? [...params] : undefined);
      return res.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  const root = asSql(pg);
  return {
    kind: 'pglite',
    description: opts.dataDir ? `PGlite at ${opts.dataDir}` : 'PGlite in memory',
    transaction: (fn) =>
      pg.transaction(async (pgTx) => {
        const tx = withBeforeCommit(asSql(pgTx));
        const result = await fn(tx.sql);
        await tx.run();
        return result;
      }),
    query: root.query,
    exec: root.exec,
    async close() {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
    dump: () => pg.dumpDataDir('none'),
  } as Database & { dump: () => Promise<Blob | File> };
}
