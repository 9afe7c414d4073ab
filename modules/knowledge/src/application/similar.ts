import { maskPersonalData } from '@zemstvo/appeals';
import { writeAudit } from '@zemstvo/audit';
import { instancesRepo, type ServiceRegistry } from '@zemstvo/catalog';
import { badRequest, forbidden, notFound, unauthorized, type Ctx } from '@zemstvo/kernel';
import { similarRepo } from '../infra/similar.repository.ts';
import { publicInstancesOf } from './search.ts';

/** The ten documents of the municipality most like one (staff with document.view). */
export async function similarDocuments(ctx: Ctx, id: string, limit = 10) {
  const m = ctx.tenant!.municipalityId;
  if (!(await similarRepo.exists(ctx.tx, m, id))) throw notFound('Document', 'document_not_found');
  return { items: await similarRepo.similar(ctx.tx, m, id, limit) };
}

export interface DraftReport {
  service: string;
  category: string;
  lat: number;
  lon: number;
  text?: string | undefined;
}

/**
 * Public reports that may already describe a draft: same service and category, open, within the
 * package's duplicate radius (publicVisibility.duplicateRadiusMeters, 250 m by default, as
 * FixMyStreet), ranked by nearness and text similarity; personal data masked.
 */
export async function findDuplicates(ctx: Ctx, registry: ServiceRegistry, draft: DraftReport) {
  const m = ctx.tenant!.municipalityId;
  const publicIds = new Set(await publicInstancesOf(ctx, registry, m));
  const instance = (await instancesRepo.list(ctx.tx, m)).find(
    (i) => i.slug === draft.service && publicIds.has(i.id),
  );
  if (!instance) throw notFound('Service', 'service_not_found');
  const manifest = registry.get(instance.packageSlug)!.manifest;
  if (!manifest.categories.some((c) => c.code === draft.category))
    throw badRequest('unknown_category', 'No such category in this service');
  const radiusMeters = manifest.publicVisibility.duplicateRadiusMeters;
  const rows = await similarRepo.nearbyReports(ctx.tx, m, {
    instanceIds: [instance.id],
    category: draft.category,
    lat: draft.lat,
    lon: draft.lon,
    radiusMeters,
    text: draft.text ?? '',
    limit: 10,
  });
  return {
    radiusMeters,
    items: rows.map((r) => ({
      id: r.id,
      category: r.categoryCode,
      status: r.status,
      location: { lat: r.lat, lon: r.lon },
      text: maskPersonalData(r.text, r.personNames),
      receivedAt: r.date,
      distanceMeters: Math.round(r.distanceMeters),
      similarity: r.similarity,
      supporters: r.supporters,
    })),
  };
}

async function requirePublicReport(ctx: Ctx, registry: ServiceRegistry, id: string) {
  const m = ctx.tenant!.municipalityId;
  if (!(await similarRepo.isPublicReport(ctx.tx, m, id, await publicInstancesOf(ctx, registry, m))))
    throw notFound('Report', 'report_not_found');
}

/** A signed-in user supports a public report ("me too") instead of filing the same problem again. */
export async function supportReport(ctx: Ctx, registry: ServiceRegistry, id: string, support: boolean) {
  if (ctx.actor.kind !== 'user') throw unauthorized();
  await requirePublicReport(ctx, registry, id);
  if (ctx.actor.userKind !== 'resident') throw forbidden('Only residents support reports');
  const m = ctx.tenant!.municipalityId;
  const changed = support
    ? await similarRepo.addSupporter(ctx.tx, m, id, ctx.actor.userId, ctx.clock.now())
    : await similarRepo.removeSupporter(ctx.tx, m, id, ctx.actor.userId);
  if (changed)
    await writeAudit(ctx, {
      action: support ? 'report.supported' : 'report.support_withdrawn',
      entity: 'appeal',
      entityId: id,
      after: { userId: ctx.actor.userId },
    });
  return similarRepo.supporters(ctx.tx, m, id, ctx.actor.userId);
}

export async function reportSupporters(ctx: Ctx, registry: ServiceRegistry, id: string) {
  await requirePublicReport(ctx, registry, id);
  return similarRepo.supporters(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  );
}
