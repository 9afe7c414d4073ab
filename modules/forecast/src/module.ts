import { fileURLToPath } from 'node:url';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { ZemstvoModule } from '@zemstvo/http';
import { makeSpikeScanJob, SPIKE_SCAN_JOB } from './application/spike-job.ts';
import { forecastRoutes } from './http/routes.ts';
import { forecastPermissions } from './permissions.ts';

export const forecastMigrations = {
  module: 'forecast',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/**
 * The forecast inside the platform: the weekly forecast of incoming appeals per category with its
 * back-test, and the daily spike scan that opens monitoring-signal documents.
 */
export function createForecastModule(options: { registry: ServiceRegistry }): ZemstvoModule {
  // The installation's public address (signal texts link to the forecast page); known once routes register.
  const installation = { publicUrl: '' };
  return {
    name: 'forecast',
    migrations: forecastMigrations,
    permissions: forecastPermissions,
    jobs: { [SPIKE_SCAN_JOB]: makeSpikeScanJob(options.registry, installation) },
    routes(app, services) {
      installation.publicUrl = services.config.publicUrl;
      forecastRoutes(app, options.registry, installation);
    },
  };
}
