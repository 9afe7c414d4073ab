import { createAnalyticsModule } from '@zemstvo/analytics';
import { appealDocumentHooks, appealsInstallHook, createAppealsModule } from '@zemstvo/appeals';
import { platformMigrations, type MigrationSource } from '@zemstvo/db';
import { auditMigrations } from '@zemstvo/audit';
import { createCatalogModule, ServiceRegistry, type InstallHook } from '@zemstvo/catalog';
import { createDocumentsModule, type DocumentHooks } from '@zemstvo/documents';
import type { ZemstvoModule } from '@zemstvo/http';
import { identityModule } from '@zemstvo/identity';
import { createForecastModule, forecastInstallHook } from '@zemstvo/forecast';
import { createKnowledgeModule } from '@zemstvo/knowledge';
import { createOpen311Module } from '@zemstvo/open311';
import { createRoutingModule } from '@zemstvo/routing';
import { servicePackages } from '@zemstvo/services';
import { tenancyModule } from '@zemstvo/tenancy';
import { auditModule } from './audit-module.ts';

/** The applied-service packages this installation ships (validated at load; see scripts/build-services.ts). */
export const serviceRegistry = new ServiceRegistry(servicePackages);

/** What modules do when a municipality installs a package (create journals, …), in this order. */
export const installHooks: readonly InstallHook[] = [appealsInstallHook, forecastInstallHook];

/** Lifecycle hooks of document flow (resolution, dispatch, reopen…) that other modules follow, in this order. */
export const documentHooks: readonly DocumentHooks[] = [appealDocumentHooks];

/** The first-party modules of this installation, in dependency order. */
export const modules: readonly ZemstvoModule[] = [
  tenancyModule,
  identityModule,
  auditModule,
  createCatalogModule(serviceRegistry, installHooks),
  createDocumentsModule({ registry: serviceRegistry, hooks: documentHooks }),
  createAppealsModule({ registry: serviceRegistry }),
  createKnowledgeModule({ registry: serviceRegistry }),
  createForecastModule({ registry: serviceRegistry }),
  createRoutingModule({ registry: serviceRegistry }),
  createOpen311Module(serviceRegistry),
  createAnalyticsModule({ registry: serviceRegistry }),
];

/** Migrations in the order they must apply: platform, then audit, then modules. */
export const migrationSources: readonly MigrationSource[] = [
  platformMigrations,
  auditMigrations,
  ...modules.flatMap((m) => (m.migrations && m.name !== 'audit' ? [m.migrations] : [])),
];
