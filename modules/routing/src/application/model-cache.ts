import type { Sql } from '@zemstvo/kernel';
import { deserializeModel } from '../engine/model-file.ts';
import type { RoutingModel } from '../engine/routing-model.ts';
import { modelsRepo, type ModelRow } from '../infra/models.repository.ts';

/** Deserialized models kept in memory, by model id (a new version has a new id); the oldest leaves first. */
const MAX_CACHED = 16;
const cache = new Map<string, RoutingModel>();

/**
 * The municipality's active model, deserialized once per process and version (a cheap query for
 * the active row on every call; the bytes are read only on a miss).
 */
export async function activeModel(
  sql: Sql,
  municipalityId: string,
): Promise<{ row: ModelRow; model: RoutingModel } | null> {
  const row = await modelsRepo.active(sql, municipalityId);
  if (!row) return null;
  const key = `${municipalityId}:${row.id}`;
  let model = cache.get(key);
  if (!model) {
    const bytes = await modelsRepo.bytes(sql, municipalityId, row.id);
    if (!bytes) return null;
    model = deserializeModel(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).model;
    cache.set(key, model);
    while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return { row, model };
}
