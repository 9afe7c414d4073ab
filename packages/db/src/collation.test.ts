import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformMigrations } from './index.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openScratchDatabase, type ScratchDatabase } from './testing.ts';

// The database's default collation is C, which puts Ё before А–Я and sorts by code point. The
// platform migration creates the ICU collation `ru`; queries sort names with `COLLATE ru`.
let scratch: ScratchDatabase;

const names = [
  'Жуково',
  'Zeta',
  'Ёлкино',
  'яблоневка',
  'Елино',
  'alpha',
  'Абрамово',
  'Ягодное',
  'ёжики',
  'Бор',
  'Ежово',
];
const cyrillic = ['Абрамово', 'Бор', 'ёжики', 'Ежово', 'Елино', 'Ёлкино', 'Жуково', 'яблоневка', 'Ягодное'];
const latin = ['alpha', 'Zeta'];

async function sorted(collation: string): Promise<string[]> {
  const values = names.map((_, i) => `($${i + 1})`).join(', ');
  const rows = await scratch.db.query<{ name: string }>(
    `SELECT name FROM (VALUES ${values}) AS v(name) ORDER BY name COLLATE ${collation}`,
    names,
  );
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  scratch = await openScratchDatabase();
  await migrate(scratch.db, loadMigrations([platformMigrations]));
});
afterAll(async () => scratch?.dispose());

describe(`ICU collation ru (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('sorts Russian names as a Russian reader expects (Ё with Е, case after letter)', async () => {
    const order = await sorted('ru');
    expect(order.filter((n) => cyrillic.includes(n))).toEqual(cyrillic);
    expect(order.filter((n) => latin.includes(n))).toEqual(latin);
    // Ёлкино sits between Елино and Жуково.
    expect(order.indexOf('Елино')).toBeLessThan(order.indexOf('Ёлкино'));
    expect(order.indexOf('Ёлкино')).toBeLessThan(order.indexOf('Жуково'));
  });

  it('keeps each script together, in the order the ICU data of this database gives', async () => {
    const order = await sorted('ru');
    // PostgreSQL servers carry CLDR's Russian tailoring, which puts Cyrillic first; PGlite ships
    // ICU's root collation only (every locale sorts the same there), which puts Latin first.
    const expected = scratch.kind === 'postgres' ? [...cyrillic, ...latin] : [...latin, ...cyrillic];
    expect(order).toEqual(expected);
  });

  it('differs from the default C collation, which gets Ё and case wrong', async () => {
    const c = await sorted('"C"');
    expect(c.indexOf('Ёлкино')).toBeLessThan(c.indexOf('Абрамово'));
    expect(c.indexOf('Ягодное')).toBeLessThan(c.indexOf('яблоневка'));
  });
});
