import pg from 'pg';
import { preparedName, withBeforeCommit, type Row, type Sql } from '@zemstvo/kernel';
import type { Database } from './database.ts';

// Return int8 and numeric as JS numbers when they fit (counts, ids of jobs), dates as Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'zemstvo' });
  pool.on('error', () => {}); // an idle client's error is reported on its next use
  const asSql = (c: pg.Pool | pg.PoolClient): Sql => ({
    async query<T extends object = Row>(text: string, params?: readonly unknown[]) {
      const values = params ? [...params] : undefined;
      // A statement marked with `prepared` is parsed once per connection, then only bound and run.
      const name = preparedName(text);
      const res = await (name
        ? c.query<T & pg.QueryResultRow>({ name, text, values })
        : c.query<T & pg.QueryResultRow>(text, values));
      return res.rows as T[];
    },
    async exec(text: string) {
      await c.query(text);
    },
  });
  const root = asSql(pool);
  await root.query('select 1'); // fail fast with a clear error when the server is unreachable
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${redact(url)}`,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx = withBeforeCommit(asSql(client));
        const result = await fn(tx.sql);
        await tx.run();
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    query: root.query,
    exec: root.exec,
    close: () => pool.end(),
  };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
