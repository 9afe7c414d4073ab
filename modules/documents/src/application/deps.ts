import { localDate, type IsoDate } from '@zemstvo/calendar';
import { instancesRepo, type ServicePackage, type ServiceRegistry } from '@zemstvo/catalog';
import {
  badRequest,
  municipalTimeZone,
  unauthorized,
  type Ctx,
  type Tenant,
  type UserActor,
} from '@zemstvo/kernel';
import type { FileStorage } from '@zemstvo/storage';
import { tenancyRepo } from '@zemstvo/tenancy';
import type { DocumentHooks } from '../domain/hooks.ts';
import type { SignatureProvider } from '../domain/signature.ts';
import type { DocumentRow } from '../infra/documents.repository.ts';

/** What the workflow use cases need besides `ctx`: built once per installation by the module factory. */
export interface WorkflowDeps {
  hooks: Required<DocumentHooks>;
  registry: ServiceRegistry;
  storage: FileStorage;
  signature: SignatureProvider;
  /** The permission registry, to expand a user's role permissions with their dependencies. */
  permissions: { expand(keys: Iterable<string>): Set<string> };
  /** The installation's public address, for links in e-mail. */
  publicUrl: string;
}

/**
 * What the installation told the module when its routes were registered: jobs and use cases
 * called by other modules (which have no WorkflowDeps) read the public address for mail links here.
 */
export const installation = { publicUrl: '' };

/** Default days of warning before an assignment's due date (the package manifest may say otherwise). */
export const DEFAULT_REMIND_WORKING_DAYS = 3;

export function tenantOf(ctx: Ctx): Tenant {
  if (!ctx.tenant) throw badRequest('tenant_required', 'This needs a municipality');
  return ctx.tenant;
}

export function userOf(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw unauthorized();
  return ctx.actor;
}

/** Today in the municipality's calendar: the local day in its own time zone. */
export const today = (ctx: Ctx): IsoDate => localDate(ctx.clock.now(), municipalTimeZone(ctx));

/** How people name a document: its registration number, else its title. */
export const documentLabel = (d: Pick<DocumentRow, 'regNumber' | 'title'>): string =>
  d.regNumber ?? `«${d.title.slice(0, 80)}»`;

/** The path of a document in the web app (notifications link there). */
export const documentPath = (ctx: Ctx, documentId: string): string =>
  `/m/${tenantOf(ctx).slug}/documents/${documentId}`;

export interface StaffMember {
  userId: string;
  displayName: string;
  email: string;
  position: { ru: string; en: string } | null;
}

/** The staff of the municipality, by user id, with their positions. */
export async function staffDirectory(ctx: Ctx): Promise<Map<string, StaffMember>> {
  const m = tenantOf(ctx).municipalityId;
  const members = await tenancyRepo.listMembers(ctx.tx, m);
  const positions = await tenancyRepo.listPositions(ctx.tx, m);
  const titles = new Map(positions.map((p) => [p.id, { ru: p.titleRu, en: p.titleEn }]));
  return new Map(
    members.map((u) => [
      u.userId,
      {
        userId: u.userId,
        displayName: u.displayName,
        email: u.email,
        position: u.positionId ? (titles.get(u.positionId) ?? null) : null,
      },
    ]),
  );
}

/** Which of `userIds` hold `permission` in the municipality (roles expanded with their dependencies). */
export async function holdersOf(
  ctx: Ctx,
  deps: WorkflowDeps,
  userIds: readonly string[],
  permission: string,
): Promise<Set<string>> {
  const m = tenantOf(ctx).municipalityId;
  const out = new Set<string>();
  for (const id of new Set(userIds))
    if (deps.permissions.expand(await tenancyRepo.permissionsOf(ctx.tx, m, id)).has(permission)) out.add(id);
  return out;
}

/** The applied-service package a document belongs to (through its service instance), if any. */
export async function packageOf(
  ctx: Ctx,
  deps: WorkflowDeps,
  serviceInstanceId: string | null,
): Promise<ServicePackage | null> {
  if (!serviceInstanceId) return null;
  const instance = await instancesRepo.byId(ctx.tx, tenantOf(ctx).municipalityId, serviceInstanceId);
  return (instance && deps.registry.get(instance.packageSlug)) ?? null;
}
