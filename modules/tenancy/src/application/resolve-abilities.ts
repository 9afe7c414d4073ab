import { Abilities, type PermissionRegistry } from '@zemstvo/authz';
import type { Actor, Sql, Tenant } from '@zemstvo/kernel';
import { tenancyRepo } from '../infra/tenancy.repository.ts';

/**
 * What an actor may do in a municipality:
 * - platform operators: everything;
 * - staff: the union of their roles' permissions there (expanded with dependencies);
 * - regional staff: every `*.view` permission in the municipalities of their own region;
 * - API tokens: the owner's abilities, never more than the token's scopes, only in its municipality;
 * - residents and anonymous callers: nothing (they use public and own-data endpoints).
 */
export function makeResolveAbilities(registry: PermissionRegistry) {
  return async (sql: Sql, actor: Actor, tenant: Tenant): Promise<Abilities> => {
    if (actor.kind !== 'user') return Abilities.none;
    let abilities: Abilities;
    if (actor.userKind === 'operator') abilities = new Abilities(new Set(), true);
    else if (actor.userKind === 'regional') {
      abilities =
        actor.regionId === tenant.regionId
          ? new Abilities(
              new Set(
                registry
                  .all()
                  .map((p) => p.key)
                  .filter((k) => k.endsWith('.view')),
              ),
              false,
            )
          : Abilities.none;
    } else if (actor.userKind === 'staff') {
      const own = await tenancyRepo.permissionsOf(sql, tenant.municipalityId, actor.userId);
      abilities = new Abilities(registry.expand(own), false);
    } else abilities = Abilities.none;
    if (actor.tokenScope) {
      if (actor.tokenScope.municipalityId !== tenant.municipalityId) return Abilities.none;
      return abilities.limitTo(actor.tokenScope.permissions);
    }
    return abilities;
  };
}
