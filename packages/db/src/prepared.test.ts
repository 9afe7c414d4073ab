import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared, preparedName } from '@zemstvo/kernel';
import type { Database } from './database.ts';
import { openScratchDatabase, type ScratchDatabase } from './testing.ts';

// Statements marked with `prepared` (the intake's hot path) run as named prepared statements on a
// PostgreSQL server (TEST_DATABASE_URL) and as ordinary statements on PGlite, with the same results.
const PICK = prepared('SELECT n, label FROM items WHERE n = $1');
const BUMP = prepared('UPDATE items SET label = label || $2 WHERE n = $1 RETURNING label');

let scratch: ScratchDatabase;
let db: Database;

beforeAll(async () => {
  scratch = await openScratchDatabase();
  db = scratch.db;
  await db.exec(
    `CREATE TABLE items (n int PRIMARY KEY, label text NOT NULL);
     INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 20) g;`,
  );
});
afterAll(async () => scratch?.dispose());

describe(`prepared statements (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('names each marked text once, and only marked texts', () => {
    expect(prepared(PICK)).toBe(PICK);
    expect(preparedName(PICK)).toMatch(/^zemstvo_\d+$/);
    expect(preparedName(BUMP)).not.toBe(preparedName(PICK));
    expect(preparedName('SELECT 1')).toBeUndefined();
  });

  it('gives every caller its own parameters, in and out of transactions, over many connections', async () => {
    const got = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const n = (i % 20) + 1;
        return i % 2
          ? db.query<{ n: number; label: string }>(PICK, [n])
          : db.transaction((tx) => tx.query<{ n: number; label: string }>(PICK, [n]));
      }),
    );
    expect(got.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 40 }, (_, i) => (i % 20) + 1));
    expect(got.every((rows, i) => rows[0]?.label === `item ${(i % 20) + 1}`)).toBe(true);
  });

  it('writes through a prepared statement and rolls back with its transaction', async () => {
    await db.transaction((tx) => tx.query(BUMP, [3, '!']));
    await expect(
      db.transaction(async (tx) => {
        await tx.query(BUMP, [3, '?']);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await db.query(PICK, [3])).toEqual([{ n: 3, label: 'item 3!' }]);
  });

  it('is prepared on a server connection under its name (PGlite runs it unprepared)', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.query(PICK, [1]);
      return tx.query<{ name: string; statement: string }>(
        'SELECT name, statement FROM pg_prepared_statements WHERE name = $1',
        [preparedName(PICK)],
      );
    });
    expect(rows).toEqual(
      process.env.TEST_DATABASE_URL ? [{ name: preparedName(PICK), statement: PICK }] : [],
    );
  });
});
