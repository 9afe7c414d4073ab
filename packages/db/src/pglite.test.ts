import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';

// PGlite is one connection: `db.transaction` must serialize whole transactions, or concurrent
// requests would interleave their statements inside one another's transaction.
let db: Database;

beforeAll(async () => {
  db = await openPglite({});
  await db.exec(
    'CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0);',
  );
});
afterAll(async () => db?.close());

describe('PGlite serialization', () => {
  it('never interleaves concurrent transactions: read-modify-write of one counter loses no update', async () => {
    const count = 200;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
          // Yield to the event loop between read and write, where another transaction could slip in.
          await new Promise((r) => setImmediate(r));
          await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [row!.n + 1]);
          if (i % 7 === 0) await tx.query('SELECT pg_sleep(0)');
        }),
      ),
    );
    expect(await db.query('SELECT n FROM counter WHERE id = 1')).toEqual([{ n: count }]);
  });

  it('rolls back a failed transaction without disturbing the ones around it', async () => {
    await db.exec('UPDATE counter SET n = 0 WHERE id = 1');
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
          await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [row!.n + 1]);
          await new Promise((r) => setImmediate(r));
          if (i % 5 === 0) throw new Error(`transaction ${i} fails`);
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
    expect(await db.query('SELECT n FROM counter WHERE id = 1')).toEqual([{ n: 40 }]);
  });

  it('lets autocommit queries wait for a running transaction instead of joining it', async () => {
    await db.exec('UPDATE counter SET n = 0 WHERE id = 1');
    let outsideSaw: number | null = null;
    await db.transaction(async (tx) => {
      await tx.query('UPDATE counter SET n = 99 WHERE id = 1');
      const outside = db
        .query<{ n: number }>('SELECT n FROM counter WHERE id = 1')
        .then((r) => (outsideSaw = r[0]!.n));
      await new Promise((r) => setImmediate(r));
      expect(outsideSaw).toBeNull(); // still waiting: the transaction holds the connection
      await tx.query('UPDATE counter SET n = 100 WHERE id = 1');
      void outside;
    });
    await new Promise((r) => setImmediate(r));
    await db.query('SELECT 1');
    expect(outsideSaw).toBe(100);
  });
});
