import type { FastifyInstance } from 'fastify';
import { instancesRepo } from '@zemstvo/catalog';
import { createHttpApp } from '@zemstvo/http';
import { makeAuthenticate } from '@zemstvo/identity';
import { makeResolveAbilities, tenancyRepo } from '@zemstvo/tenancy';
import { modules, serviceRegistry } from '@zemstvo/server/modules';
import type { TestPlatform } from '@zemstvo/server/testing';
import type { DocumentHooks } from '../domain/hooks.ts';
import { createDocumentsModule } from '../index.ts';
import { inMunicipality } from './factories.ts';

/**
 * The platform's HTTP app with the documents module built with the given hooks (what the appeals
 * module registers in a real installation): tests see the hooks called and their answers used.
 */
export async function appWithHooks(
  p: TestPlatform,
  hooks: readonly DocumentHooks[],
): Promise<FastifyInstance> {
  const app = await createHttpApp({
    services: p.services,
    modules: modules.map((m) =>
      m.name === 'documents' ? createDocumentsModule({ registry: serviceRegistry, hooks }) : m,
    ),
    authenticate: makeAuthenticate(p.clock),
    resolveTenant: (sql, slug) => tenancyRepo.tenantBySlug(sql, slug),
    resolveAbilities: makeResolveAbilities(p.services.permissions),
    isReady: () => true,
  });
  await app.ready();
  return app;
}

/** The id of a municipality's installed service instance (e.g. `appeals-59fz`). */
export async function instanceId(p: TestPlatform, municipality: string, slug: string): Promise<string> {
  const instance = await inMunicipality(p, municipality, (ctx) =>
    instancesRepo.bySlug(ctx.tx, ctx.tenant!.municipalityId, slug),
  );
  if (!instance) throw new Error(`no service ${slug} in ${municipality}`);
  return instance.id;
}
