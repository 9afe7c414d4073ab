import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';
import type { Sql } from './sql.ts';

/** A stand-in transaction: the cache only uses its identity. */
const tx = (): Sql => ({ query: async () => [], exec: async () => {} });

describe('ReadCache', () => {
  const setup = () => {
    let now = 0;
    const cache = new ReadCache<{ v: number } | undefined>(5_000, () => now);
    let loads = 0;
    const row = { v: 1 };
    const load = async () => {
      loads++;
      return { ...row };
    };
    return {
      cache,
      load,
      row,
      loads: () => loads,
      advance: (ms: number) => (now += ms),
    };
  };

  it('reads a row once and answers from memory until the TTL passes', async () => {
    const s = setup();
    expect(await s.cache.get(tx(), 'm1:a', s.load)).toEqual({ v: 1 });
    s.row.v = 2; // changed elsewhere (another process): not seen yet
    s.advance(4_999);
    expect(await s.cache.get(tx(), 'm1:a', s.load)).toEqual({ v: 1 });
    expect(s.loads()).toBe(1);
    s.advance(1);
    expect(await s.cache.get(tx(), 'm1:a', s.load)).toEqual({ v: 2 });
    expect(s.loads()).toBe(2);
  });

  it('keeps each key apart (a municipality’s row is never another’s)', async () => {
    const s = setup();
    await s.cache.get(tx(), 'm1:a', async () => ({ v: 1 }));
    expect(await s.cache.get(tx(), 'm2:a', async () => ({ v: 7 }))).toEqual({ v: 7 });
    expect(await s.cache.get(tx(), 'm1:a', async () => ({ v: 9 }))).toEqual({ v: 1 });
  });

  it('drops the row its writer forgets, and stores nothing the writer reads afterwards (it may roll back)', async () => {
    const s = setup();
    await s.cache.get(tx(), 'm1:a', s.load);
    const writer = tx();
    s.row.v = 2;
    s.cache.forget(writer, 'm1:a');
    // The writer reads its own change, but it is not kept: another transaction reads again.
    expect(await s.cache.get(writer, 'm1:a', s.load)).toEqual({ v: 2 });
    s.row.v = 3; // e.g. the writer rolled back and someone else changed it
    expect(await s.cache.get(tx(), 'm1:a', s.load)).toEqual({ v: 3 });
    expect(await s.cache.get(tx(), 'm1:a', s.load)).toEqual({ v: 3 });
    expect(s.loads()).toBe(3);
  });

  it('does not store a load that a forget overlapped (it may have read the old row)', async () => {
    const s = setup();
    let release = () => {};
    const slow = async () => {
      const seen = { ...s.row };
      await new Promise<void>((r) => (release = r));
      return seen;
    };
    const reading = s.cache.get(tx(), 'm1:a', slow);
    s.row.v = 2;
    s.cache.forget(tx(), 'm1:a');
    release();
    expect(await reading).toEqual({ v: 1 });
    expect(await s.cache.get(tx(), 'm1:a', s.load)).toEqual({ v: 2 });
  });

  it('forgets by prefix only that municipality’s rows, and never keeps a miss', async () => {
    const s = setup();
    await s.cache.get(tx(), 'm1:a', async () => ({ v: 1 }));
    await s.cache.get(tx(), 'm1:b', async () => ({ v: 1 }));
    await s.cache.get(tx(), 'm2:a', async () => ({ v: 1 }));
    s.cache.forgetPrefix(tx(), 'm1:');
    expect(await s.cache.get(tx(), 'm1:a', async () => ({ v: 5 }))).toEqual({ v: 5 });
    expect(await s.cache.get(tx(), 'm1:b', async () => ({ v: 5 }))).toEqual({ v: 5 });
    expect(await s.cache.get(tx(), 'm2:a', async () => ({ v: 5 }))).toEqual({ v: 1 });
    expect(await s.cache.get(tx(), 'm3:a', async () => undefined)).toBeUndefined();
    expect(await s.cache.get(tx(), 'm3:a', async () => ({ v: 6 }))).toEqual({ v: 6 });
    const tenants = new ReadCache<{ id: string } | null>();
    expect(await tenants.get(tx(), 'new-town', async () => null)).toBeNull(); // not created yet
    expect(await tenants.get(tx(), 'new-town', async () => ({ id: 'm4' }))).toEqual({ id: 'm4' });
  });

  it('shares frozen values, so no request can change another’s', async () => {
    const s = setup();
    const v = (await s.cache.get(tx(), 'm1:a', s.load))!;
    expect(Object.isFrozen(v)).toBe(true);
  });
});
