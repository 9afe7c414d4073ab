import { localDate, type IsoDate, type WorkingCalendar } from '@zemstvo/calendar';
import {
  instancesRepo,
  type ServiceInstance,
  type ServicePackage,
  type ServiceRegistry,
} from '@zemstvo/catalog';
import { badRequest, municipalTimeZone, notFound, type Ctx, type Tenant } from '@zemstvo/kernel';
import { appealsRepo, type AppealRow } from '../infra/appeals.repository.ts';
import { cachedWorkingCalendar } from '../infra/calendar.repository.ts';

/**
 * The applied-service packages of this installation. Packages are static (discovered at build
 * time), so the composition root binds the registry once when it creates the appeals module; the
 * use cases (and other modules calling them, e.g. Open311) then need only `ctx`.
 */
let registry: ServiceRegistry | null = null;

export function bindServiceRegistry(r: ServiceRegistry): void {
  registry = r;
}

export function serviceRegistry(): ServiceRegistry {
  if (!registry)
    throw new Error(
      'The appeals module has no service registry: create it with createAppealsModule(registry)',
    );
  return registry;
}

export function requireTenant(ctx: Ctx): Tenant {
  if (!ctx.tenant) throw badRequest('tenant_required', 'This needs a municipality');
  return ctx.tenant;
}

export interface InstalledService {
  instance: ServiceInstance;
  pkg: ServicePackage;
}

/** An enabled service instance of the municipality, by slug, with its package (cached per process: ReadCache). */
export async function serviceBySlug(ctx: Ctx, slug: string): Promise<InstalledService> {
  const tenant = requireTenant(ctx);
  const instance = await instancesRepo.bySlugCached(ctx.tx, tenant.municipalityId, slug);
  if (!instance || !instance.enabled) throw notFound(`Service ${slug}`, 'service_not_found');
  return withPackage(instance);
}

export async function serviceById(ctx: Ctx, id: string): Promise<InstalledService> {
  const tenant = requireTenant(ctx);
  const instance = await instancesRepo.byId(ctx.tx, tenant.municipalityId, id);
  if (!instance) throw notFound('Service', 'service_not_found');
  return withPackage(instance);
}

function withPackage(instance: ServiceInstance): InstalledService {
  const pkg = serviceRegistry().get(instance.packageSlug);
  if (!pkg) throw notFound(`Applied-service package ${instance.packageSlug}`, 'package_not_found');
  return { instance, pkg };
}

/** The appeal of the request's municipality, locked for a state change. */
export async function lockAppeal(ctx: Ctx, id: string): Promise<AppealRow> {
  const tenant = requireTenant(ctx);
  const appeal = await appealsRepo.getForUpdate(ctx.tx, tenant.municipalityId, id);
  if (!appeal) throw notFound('Appeal', 'appeal_not_found');
  return appeal;
}

/**
 * Today in the municipality's calendar, in its own time zone (`municipalities.timezone`): 59-FZ
 * terms (Art. 8 Part 3: registration within 3 days; Art. 12 Part 1: the answer within 30 days) run
 * from the date of registration in the body, i.e. its local calendar day, not Moscow's or UTC's.
 */
export const localToday = (ctx: Ctx): IsoDate => localDate(ctx.clock.now(), municipalTimeZone(ctx));
/**
 * The current year of the federal production calendar, for requests outside any municipality
 * (`GET /api/calendar` without `year`): the calendar is the installation's, so its year is Moscow's.
 */
export const federalCalendarYear = (ctx: Ctx): number =>
  Number(localDate(ctx.clock.now(), 'Europe/Moscow').slice(0, 4));
/** The municipality's local day of an instant (see localToday). */
export const localDay = (ctx: Ctx, instant: Date): IsoDate => localDate(instant, municipalTimeZone(ctx));

export const workingCalendar = (ctx: Ctx): Promise<WorkingCalendar> => cachedWorkingCalendar(ctx.tx);
