import type { Ctx } from '@zemstvo/kernel';
import { dataVersion } from './data-version.ts';

/** Results kept by default (the least recently used goes first); a dashboard payload is tens of kilobytes. */
export const RESULT_CACHE_SIZE = 100;

export interface CachedResult<T> {
  value: T;
  /** When the value was computed (the caller's clock). */
  computedAt: Date;
  /** The municipality's data version it was computed at. */
  version: string;
}

/**
 * Heavy reads of a municipality (the analytics dashboard, the forecast), computed once per state of
 * its data. One cache per running platform and use (made where the routes are registered). The key
 * holds the query (with "today" when the answer depends on it); the version is the municipality's
 * audited change count (`dataVersion`), read first, so any committed change — an intake, a status,
 * an import batch — makes the next request compute afresh. Writes that bypass the use cases (raw
 * SQL) are not seen until the next audited change. Values are shared between requests: callers
 * must not change them.
 */
export class ResultCache {
  readonly #entries = new Map<string, CachedResult<unknown>>();

  constructor(private readonly maxEntries = RESULT_CACHE_SIZE) {}

  async get<T>(ctx: Ctx, key: string, compute: () => Promise<T>): Promise<T> {
    return (await this.entry(ctx, key, compute)).value;
  }

  /** The value with when and at which data version it was computed. */
  async entry<T>(ctx: Ctx, key: string, compute: () => Promise<T>): Promise<CachedResult<T>> {
    const municipalityId = ctx.tenant!.municipalityId;
    const version = await dataVersion(ctx.tx, municipalityId);
    const full = `${municipalityId}:${key}`;
    const hit = this.#entries.get(full);
    if (hit && hit.version === version) {
      // Most recently used last: the bound drops the entries nobody asked for the longest.
      this.#entries.delete(full);
      this.#entries.set(full, hit);
      return hit as CachedResult<T>;
    }
    const computedAt = ctx.clock.now();
    const value = await compute();
    const entry: CachedResult<T> = { value, computedAt, version };
    this.#entries.delete(full);
    this.#entries.set(full, entry);
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry;
  }

  /** Entries held now (for tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }
}
