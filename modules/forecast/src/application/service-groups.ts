import type { ServicePackage, ServiceRegistry } from '@zemstvo/catalog';
import { instancesRepo } from '@zemstvo/catalog';
import type { Ctx } from '@zemstvo/kernel';
import { tenancyRepo, type DepartmentRow } from '@zemstvo/tenancy';

export interface Localized {
  ru: string;
  en: string;
}

/** A service instance of the municipality with the package that gives its categories and routing. */
export interface InstalledService {
  slug: string;
  name: Localized;
  pkg: ServicePackage | undefined;
}

/** The municipality's service instances by slug. */
export async function installedServices(
  ctx: Ctx,
  registry: ServiceRegistry,
  municipalityId: string,
): Promise<Map<string, InstalledService>> {
  const out = new Map<string, InstalledService>();
  for (const i of await instancesRepo.list(ctx.tx, municipalityId))
    out.set(i.slug, { slug: i.slug, name: { ru: i.nameRu, en: i.nameEn }, pkg: registry.get(i.packageSlug) });
  return out;
}

/** The category's title from its package, or its code when the package no longer declares it. */
export function categoryLabel(service: InstalledService | undefined, category: string): Localized {
  const c = service?.pkg?.manifest.categories.find((x) => x.code === category);
  return c ? { ru: c.title.ru, en: c.title.en } : { ru: category, en: category };
}

/**
 * The department responsible for a whole category: the first routing rule of the package that
 * matches the category without narrowing it to a theme or a district (a rule with no condition is
 * the package's catch-all), as appeals of that category with no theme are routed.
 */
export function departmentCodeFor(service: InstalledService | undefined, category: string): string | null {
  const rule = service?.pkg?.manifest.routing.find(
    (r) =>
      (r.when.category === undefined || r.when.category === category) && !r.when.theme && !r.when.district,
  );
  return rule?.department ?? null;
}

/** The municipality's departments by code. */
export async function departmentsByCode(
  ctx: Ctx,
  municipalityId: string,
): Promise<Map<string, DepartmentRow>> {
  const out = new Map<string, DepartmentRow>();
  for (const d of await tenancyRepo.listDepartments(ctx.tx, municipalityId)) if (d.code) out.set(d.code, d);
  return out;
}
