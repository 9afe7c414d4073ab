import { fileURLToPath } from 'node:url';
import type { ZemstvoModule } from '@zemstvo/http';
import { catalogRoutes } from './http/routes.ts';
import type { InstallHook } from './application/install-service.ts';
import type { ServiceRegistry } from './registry.ts';

export * from './manifest/schema.ts';
export { defineService } from './manifest/define-service.ts';
export {
  ServiceRegistry,
  loadServicePackage,
  ManifestError,
  type ServicePackage,
  type ServicePackageSource,
} from './registry.ts';
export { instancesRepo, type ServiceInstance } from './infra/instances.repository.ts';
export { installService, type InstallHook, type InstallInput } from './application/install-service.ts';
export { resolveSettings } from './application/settings.ts';

export const catalogMigrations = {
  module: 'catalog',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

export function createCatalogModule(registry: ServiceRegistry, hooks: readonly InstallHook[]): ZemstvoModule {
  return {
    name: 'catalog',
    migrations: catalogMigrations,
    permissions: [
      {
        key: 'service.manage',
        label: {
          ru: 'Установка и настройка прикладных сервисов',
          en: 'Install and configure applied services',
        },
        dependsOn: ['municipality.view'],
      },
    ],
    routes: catalogRoutes(registry, hooks),
  };
}
