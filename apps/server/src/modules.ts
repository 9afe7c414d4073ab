import { platformMigrations, type MigrationSource } from '@zemstvo/db';
import { auditMigrations } from '@zemstvo/audit';
import type { ZemstvoModule } from '@zemstvo/http';
import { identityModule } from '@zemstvo/identity';
import { tenancyModule } from '@zemstvo/tenancy';
import { auditModule } from './audit-module.ts';

/** The first-party modules of this installation, in dependency order. */
export const modules: readonly ZemstvoModule[] = [tenancyModule, identityModule, auditModule];

/** Migrations in the order they must apply: platform, then audit, then modules. */
export const migrationSources: readonly MigrationSource[] = [
  platformMigrations,
  auditMigrations,
  ...modules.flatMap((m) => (m.migrations && m.name !== 'audit' ? [m.migrations] : [])),
];
