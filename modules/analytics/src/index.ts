import { fileURLToPath } from 'node:url';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { ZemstvoModule } from '@zemstvo/http';
import { analyticsRoutes } from './http/routes.ts';
import { analyticsPermissions } from './permissions.ts';

export { dashboard, type Dashboard } from './application/dashboard.ts';
export { listCases } from './application/cases.ts';
export { heatmap } from './application/heatmap.ts';
export { cityScore } from './application/cityscore.ts';
export { regionRollup } from './application/rollup.ts';
export { exportReport } from './application/export-report.ts';
export { DEFAULT_TARGETS, type Targets } from './domain/cityscore.ts';
export { analyticsPermissions };

export const analyticsMigrations = {
  module: 'analytics',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/** Analytics (BI): dashboards, drill-down, heat map, CityScore, report export, region roll-up. */
export function createAnalyticsModule(options: { registry: ServiceRegistry }): ZemstvoModule {
  return {
    name: 'analytics',
    migrations: analyticsMigrations,
    permissions: analyticsPermissions,
    routes(app, services) {
      analyticsRoutes(app, services, options.registry);
    },
  };
}
