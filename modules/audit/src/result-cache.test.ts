import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, platformMigrations, type Database } from '@zemstvo/db';
import { openScratchDatabase, type ScratchDatabase } from '@zemstvo/db/testing';
import { ManualClock, silentLogger, systemActor, type Ctx, type Sql } from '@zemstvo/kernel';
import { auditMigrations, ResultCache, writeAudit } from './index.ts';

const M = '44444444-4444-4444-8444-444444444444';
const OTHER = '55555555-5555-4555-8555-555555555555';
const clock = new ManualClock('2026-03-01T10:00:00Z');
const tenant = (municipalityId: string) => ({
  municipalityId,
  regionId: municipalityId,
  slug: 'x',
  ftsConfig: 'russian',
  timeZone: 'Europe/Moscow',
});
const ctx = (tx: Sql, municipalityId = M): Ctx => ({
  actor: systemActor('test'),
  tenant: tenant(municipalityId),
  tx,
  clock,
  log: silentLogger,
  requestId: 'req-c',
});

/** A result is computed once per data version of its municipality, and the cache stays bounded. */
describe('ResultCache', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  let computed = 0;
  const compute = async () => ({ n: ++computed });
  const read = (cache: ResultCache, key: string, m = M) =>
    db.transaction((tx) => cache.entry(ctx(tx, m), key, compute));
  const change = (m = M) =>
    db.transaction((tx) =>
      writeAudit(ctx(tx, m), { action: 'thing.changed', entity: 'thing', entityId: 't' }),
    );

  beforeAll(async () => {
    scratch = await openScratchDatabase();
    db = scratch.db;
    await migrate(db, loadMigrations([platformMigrations, auditMigrations]));
  });
  afterAll(async () => scratch.dispose());

  it('answers from memory until an audited change of the same municipality', async () => {
    const cache = new ResultCache();
    const first = await read(cache, 'q');
    expect(first.value).toEqual({ n: 1 });
    expect(first.computedAt).toEqual(new Date('2026-03-01T10:00:00Z'));
    clock.advance(60_000);
    const again = await read(cache, 'q');
    expect(again.value).toBe(first.value);
    expect(again.computedAt).toEqual(first.computedAt);
    // Another municipality's change leaves it alone; its own change does not.
    await change(OTHER);
    expect((await read(cache, 'q')).value).toBe(first.value);
    await change();
    const after = await read(cache, 'q');
    expect(after.value).toEqual({ n: 2 });
    expect(after.computedAt).toEqual(new Date('2026-03-01T10:01:00Z'));
    expect(after.version).not.toBe(first.version);
    // The same key of another municipality is another entry.
    expect((await read(cache, 'q', OTHER)).value).toEqual({ n: 3 });
  });

  it('keeps at most its size, dropping the least recently used', async () => {
    const cache = new ResultCache(2);
    const a = await read(cache, 'a');
    await read(cache, 'b');
    await read(cache, 'a'); // a is now the most recently used
    await read(cache, 'c'); // b goes
    expect(cache.size).toBe(2);
    expect((await read(cache, 'a')).value).toBe(a.value);
    const before = computed;
    await read(cache, 'b');
    expect(computed).toBe(before + 1);
  });
});
