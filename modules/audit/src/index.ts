import { fileURLToPath } from 'node:url';
export * from './write-audit.ts';
export * from './verify-audit.ts';
export * from './list-audit.ts';
export { canonicalJson } from './canonical.ts';
export { dataVersion } from './data-version.ts';
export { ResultCache, RESULT_CACHE_SIZE, type CachedResult } from './result-cache.ts';

export const auditMigrations = {
  module: 'audit',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};
