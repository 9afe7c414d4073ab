import { fileURLToPath } from 'node:url';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { ZemstvoModule } from '@zemstvo/http';
import { makeOpen311Routes } from './http/routes.ts';

export { OPEN311_BASE } from './http/routes.ts';
export { SUBMIT_PERMISSION } from './http/post-request-routes.ts';
export { toXml, type Open311Format } from './http/render.ts';

export const open311Migrations = {
  module: 'open311',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/**
 * Open311 GeoReport v2 for every municipality of the installation (jurisdiction_id = its slug):
 * services are the categories of the installed applied-service packages, requests are appeals.
 */
export function createOpen311Module(registry: ServiceRegistry): ZemstvoModule {
  return { name: 'open311', migrations: open311Migrations, rootRoutes: makeOpen311Routes(registry) };
}
