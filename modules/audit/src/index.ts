import { fileURLToPath } from 'node:url';
export * from './write-audit.ts';
export * from './verify-audit.ts';
export { canonicalJson } from './canonical.ts';

export const auditMigrations = { module: 'audit', dir: fileURLToPath(new URL('../migrations', import.meta.url)) };
