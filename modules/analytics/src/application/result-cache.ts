import type { Ctx } from '@zemstvo/kernel';
import { versionRepo } from '../infra/version.repository.ts';

/** Results kept (the oldest goes first); a dashboard payload is tens of kilobytes. */
export const RESULT_CACHE_SIZE = 100;

/**
 * Heavy reads of a municipality, computed once per state of its data. One cache per running
 * platform (made where the routes are registered). The key holds the query (with "today", which
 * moves overdue counts); the version is the municipality's audited change count, read first, so
 * any committed change — an intake, a status, an import batch — makes the next request compute
 * afresh. Writes that bypass the use cases (raw SQL) are not seen until the next audited change.
 */
export class ResultCache {
  readonly #entries = new Map<string, { version: string; value: unknown }>();

  async get<T>(ctx: Ctx, key: string, compute: () => Promise<T>): Promise<T> {
    const municipalityId = ctx.tenant!.municipalityId;
    const version = await versionRepo.dataVersion(ctx.tx, municipalityId);
    const full = `${municipalityId}:${key}`;
    const hit = this.#entries.get(full);
    if (hit && hit.version === version) return hit.value as T;
    const value = await compute();
    this.#entries.delete(full);
    this.#entries.set(full, { version, value });
    while (this.#entries.size > RESULT_CACHE_SIZE) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }
}
