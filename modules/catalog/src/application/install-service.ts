import { writeAudit } from '@zemstvo/audit';
import { badRequest, conflict, notFound, type Ctx } from '@zemstvo/kernel';
import { instancesRepo, type ServiceInstance } from '../infra/instances.repository.ts';
import type { ServicePackage, ServiceRegistry } from '../registry.ts';
import { resolveSettings } from './settings.ts';

export type InstallHook = (ctx: Ctx, pkg: ServicePackage, instance: ServiceInstance) => Promise<void>;

export interface InstallInput {
  packageSlug: string;
  slug?: string;
  name?: { ru: string; en: string };
  settings?: Record<string, unknown>;
}

/**
 * Installs a package in the request's municipality as an instance with its own settings. Modules
 * that give packages their behaviour (appeals: journals, routing) run their install hooks in the
 * same transaction.
 */
export async function installService(
  ctx: Ctx,
  registry: ServiceRegistry,
  hooks: readonly InstallHook[],
  input: InstallInput,
): Promise<ServiceInstance> {
  if (!ctx.tenant) throw badRequest('tenant_required', 'Installing a service needs a municipality');
  const pkg = registry.get(input.packageSlug);
  if (!pkg) throw notFound(`Applied-service package ${input.packageSlug}`, 'package_not_found');
  const slug = input.slug ?? pkg.manifest.slug;
  if (await instancesRepo.bySlug(ctx.tx, ctx.tenant.municipalityId, slug))
    throw conflict('instance_exists', `An instance ${slug} is already installed here`);
  const settings = resolveSettings(pkg.manifest, input.settings ?? {});
  const instance = await instancesRepo.insert(
    ctx.tx,
    ctx.tenant.municipalityId,
    {
      packageSlug: pkg.manifest.slug,
      packageVersion: pkg.manifest.version,
      slug,
      nameRu: input.name?.ru ?? pkg.manifest.title.ru,
      nameEn: input.name?.en ?? pkg.manifest.title.en,
      settings,
      enabled: true,
    },
    ctx.clock.now(),
  );
  for (const hook of hooks) await hook(ctx, pkg, instance);
  await writeAudit(ctx, {
    action: 'service.installed',
    entity: 'service_instance',
    entityId: instance.id,
    after: instance,
  });
  return instance;
}
