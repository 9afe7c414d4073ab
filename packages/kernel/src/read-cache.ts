import type { Sql } from './sql.ts';

/** How long a cached row is trusted when nothing in this process changed it (other processes, raw SQL). */
export const READ_CACHE_TTL_MS = 5_000;

/**
 * Rows that almost never change (service instances, the working calendar), read on every intake,
 * kept per process. Keys say whose row it is (a municipality's id first: tenant isolation).
 *
 * - The writer calls `forget(tx, key)` in its transaction: the entry goes at once, and nothing read
 *   in that transaction is stored afterwards (it may be rolled back).
 * - A load that overlaps any `forget` is not stored either (it may have read the old row).
 * - Changes made elsewhere (another server process on the same PostgreSQL, raw SQL) are seen after
 *   at most `ttlMs`.
 *
 * Misses (`undefined`, `null`) are not kept. Values are shared between requests: they are frozen.
 */
export class ReadCache<V> {
  readonly #entries = new Map<string, { value: V; loadedAt: number }>();
  /** Counts `forget`s: a load that overlaps any of them is not stored (writes are rare). */
  #generation = 0;
  readonly #writers = new WeakSet<Sql>();

  constructor(
    private readonly ttlMs = READ_CACHE_TTL_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly maxEntries = 10_000,
  ) {}

  async get(tx: Sql, key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && this.now() - hit.loadedAt < this.ttlMs && !this.#writers.has(tx)) return hit.value;
    const generation = this.#generation;
    const loadedAt = this.now();
    const value = await load();
    if (value !== undefined && value !== null && !this.#writers.has(tx) && this.#generation === generation) {
      this.#entries.delete(key);
      this.#entries.set(key, { value: deepFreeze(value), loadedAt });
      while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return value;
  }

  /** The row behind `key` changes in `tx`: drop it, and store nothing that `tx` reads from now on. */
  forget(tx: Sql, key: string): void {
    this.forgetWhere(tx, (k) => k === key);
  }

  /** Every entry whose key starts with `prefix` (e.g. all of a municipality's). */
  forgetPrefix(tx: Sql, prefix: string): void {
    this.forgetWhere(tx, (k) => k.startsWith(prefix));
  }

  private forgetWhere(tx: Sql, matches: (key: string) => boolean): void {
    this.#writers.add(tx);
    this.#generation++;
    for (const key of [...this.#entries.keys()]) if (matches(key)) this.#entries.delete(key);
  }
}

function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
