import type { PermissionRegistry } from '@zemstvo/authz';
import { writeAudit } from '@zemstvo/audit';
import { badRequest, conflict, type Ctx } from '@zemstvo/kernel';
import { tenancyRepo, type RegionRow } from '../infra/tenancy.repository.ts';
import { checkTimeZone } from './set-time-zone.ts';

export async function createRegion(ctx: Ctx, input: Omit<RegionRow, 'id'>): Promise<RegionRow> {
  const existing = await tenancyRepo.listRegions(ctx.tx);
  if (existing.some((r) => r.slug === input.slug))
    throw conflict('region_exists', `Region ${input.slug} already exists`);
  const region = await tenancyRepo.insertRegion(ctx.tx, input);
  await writeAudit(ctx, {
    action: 'region.created',
    entity: 'region',
    entityId: region.id,
    after: region,
    municipalityId: null,
  });
  return region;
}

export interface CreateMunicipalityInput {
  regionSlug: string;
  slug: string;
  nameRu: string;
  nameEn: string;
  ftsConfig: 'russian' | 'english' | 'simple';
  /** IANA time zone of the municipality's days (default Europe/Moscow). */
  timeZone?: string;
}

/**
 * A new municipality starts with one `admin` role holding every permission of the registry, so the
 * operator can appoint its first administrator, who then shapes the rest.
 */
export async function createMunicipality(
  ctx: Ctx,
  registry: PermissionRegistry,
  input: CreateMunicipalityInput,
): Promise<{ id: string; slug: string }> {
  const timeZone = checkTimeZone(input.timeZone ?? 'Europe/Moscow');
  const regions = await tenancyRepo.listRegions(ctx.tx);
  const region = regions.find((r) => r.slug === input.regionSlug);
  if (!region) throw badRequest('region_not_found', `There is no region ${input.regionSlug}`);
  if (await tenancyRepo.municipalityBySlug(ctx.tx, input.slug))
    throw conflict('municipality_exists', `Municipality ${input.slug} already exists`);
  const { id } = await tenancyRepo.insertMunicipality(ctx.tx, { ...input, timeZone, regionId: region.id });
  const role = await tenancyRepo.insertRole(ctx.tx, id, {
    key: 'admin',
    nameRu: 'Администратор муниципалитета',
    nameEn: 'Municipal administrator',
    permissions: registry.all().map((p) => p.key),
  });
  await writeAudit(ctx, {
    action: 'municipality.created',
    entity: 'municipality',
    entityId: id,
    after: { ...input, timeZone, id },
    municipalityId: id,
  });
  await writeAudit(ctx, {
    action: 'role.created',
    entity: 'role',
    entityId: role.id,
    after: role,
    municipalityId: id,
  });
  return { id, slug: input.slug };
}
