import type { Abilities, PermissionRegistry } from '@zemstvo/authz';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { Ctx } from '@zemstvo/kernel';
import { makeResolveAbilities, tenancyRepo } from '@zemstvo/tenancy';
import type { SearchScope } from '../infra/search.repository.ts';
import { publicInstancesOf } from './search.ts';

const ownUser = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

/** In one municipality: staff with document.view see everything; residents their own appeals; anyone public reports. */
export async function municipalityScope(
  ctx: Ctx,
  registry: ServiceRegistry,
  abilities: Abilities,
): Promise<SearchScope> {
  const m = ctx.tenant!.municipalityId;
  return {
    staffMunicipalities: abilities.can('document.view') ? [m] : [],
    applicantUserId: ownUser(ctx),
    publicInstances: await publicInstancesOf(ctx, registry, m),
    municipalities: [m],
  };
}

/** Across the installation: the municipalities where the caller holds document.view, and their own appeals. */
export async function workplaceScope(ctx: Ctx, permissions: PermissionRegistry): Promise<SearchScope> {
  const resolve = makeResolveAbilities(permissions);
  const staff: string[] = [];
  for (const m of await tenancyRepo.listMunicipalities(ctx.tx)) {
    const tenant = await tenancyRepo.tenantBySlug(ctx.tx, m.slug);
    if (tenant && (await resolve(ctx.tx, ctx.actor, tenant)).can('document.view'))
      staff.push(tenant.municipalityId);
  }
  return {
    staffMunicipalities: staff,
    applicantUserId: ownUser(ctx),
    publicInstances: [],
    municipalities: null,
  };
}
