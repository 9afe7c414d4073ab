import type { ServiceRegistry } from '@zemstvo/catalog';
import { instancesRepo } from '@zemstvo/catalog';
import { AppError, type Locale, type Sql, type Tenant } from '@zemstvo/kernel';
import { maskPersonalData } from '@zemstvo/appeals';
import { tenancyRepo, type MunicipalityRow } from '@zemstvo/tenancy';
import { presentRequest, type Open311Request } from '../domain/requests.ts';
import { closedStatuses } from '../domain/statuses.ts';
import type { RequestSearch } from '../domain/request-query.ts';
import type { InstalledService } from '../domain/services.ts';
import { open311RequestsRepo } from '../infra/requests.repository.ts';

const SLUG_RE = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A jurisdiction is a municipality, named by its slug. */
export interface Jurisdiction {
  municipality: MunicipalityRow;
  tenant: Tenant;
}

export async function resolveJurisdiction(sql: Sql, jurisdictionId: string): Promise<Jurisdiction> {
  const m = SLUG_RE.test(jurisdictionId)
    ? await tenancyRepo.municipalityBySlug(sql, jurisdictionId)
    : undefined;
  if (!m) throw new AppError('jurisdiction_not_found', 'jurisdiction_id provided was not found', 404);
  return {
    municipality: m,
    tenant: {
      municipalityId: m.id,
      regionId: m.regionId,
      slug: m.slug,
      ftsConfig: m.ftsConfig,
      timeZone: m.timezone,
    },
  };
}

/** The municipality's service instances with their packages' manifests (instances of unknown packages are left out). */
export async function installedServices(
  sql: Sql,
  municipalityId: string,
  registry: ServiceRegistry,
): Promise<InstalledService[]> {
  const instances = await instancesRepo.list(sql, municipalityId);
  return instances.flatMap((instance) => {
    const pkg = registry.get(instance.packageSlug);
    return pkg ? [{ instance, manifest: pkg.manifest }] : [];
  });
}

/** The appeals a GET requests search finds, presented for Open311. */
export async function findRequests(
  sql: Sql,
  registry: ServiceRegistry,
  j: Jurisdiction,
  search: RequestSearch,
  locale: Locale,
): Promise<Open311Request[]> {
  const municipalityId = j.municipality.id;
  if (search.ids && !search.ids.length) return [];
  const rows = await open311RequestsRepo.find(sql, municipalityId, {
    ...search,
    closedStatuses: closedStatuses(),
  });
  if (!rows.length) return [];
  const installed = await installedServices(sql, municipalityId, registry);
  const departments = new Map(
    (await tenancyRepo.listDepartments(sql, municipalityId)).flatMap((d) =>
      d.code ? [[d.code, locale === 'en' ? d.nameEn : d.nameRu] as const] : [],
    ),
  );
  const ctx = { installed, locale, timeZone: j.municipality.timezone, departments, mask: maskPersonalData };
  return rows.map((row) => presentRequest(row, ctx));
}
