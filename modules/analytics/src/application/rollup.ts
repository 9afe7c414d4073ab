import { forbidden, notFound, unauthorized, type Ctx, type LocalizedText } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { resolveSlice } from '../domain/filters.ts';
import { onTimeShare, round, sumCounts } from '../domain/metrics.ts';
import { rollupRepo, type RollupRow } from '../infra/rollup.repository.ts';

export interface RollupKpis {
  incoming: number;
  answered: number;
  open: number;
  overdueNow: number;
  onTimeShare: number | null;
  medianAnswerDays: number | null;
  meanRating: number | null;
  rejections: number;
}

export interface Rollup {
  region: { slug: string; name: LocalizedText };
  range: { from: string; to: string };
  municipalities: { slug: string; name: LocalizedText; kpis: RollupKpis }[];
  total: RollupKpis;
}

const kpisOf = (r: RollupRow): RollupKpis => ({
  incoming: r.n,
  answered: r.answered,
  open: r.n - r.answered,
  overdueNow: r.overdueNow,
  onTimeShare: onTimeShare(r),
  medianAnswerDays: r.medianDays === null ? null : round(r.medianDays, 1),
  meanRating: r.rating === null ? null : round(r.rating, 2),
  rejections: r.rejected,
});

/** The zone most of the municipalities share (Moscow time for a region without any). */
function commonZone(zones: readonly string[]): string {
  const n = new Map<string, number>();
  for (const z of zones) n.set(z, (n.get(z) ?? 0) + 1);
  let best = 'Europe/Moscow';
  let most = 0;
  for (const [z, k] of n) if (k > most) [best, most] = [z, k];
  return best;
}

/**
 * Region roll-up: the KPIs of appeals received in [from, to] in each municipality of the region and
 * in the whole region. Platform operators see any region; regional users their own only.
 */
export async function regionRollup(
  ctx: Ctx,
  input: { region: string; from?: string | undefined; to?: string | undefined },
): Promise<Rollup> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw unauthorized();
  if (actor.userKind !== 'operator' && actor.userKind !== 'regional')
    throw forbidden('Only regional users and platform operators see a region roll-up');
  const region = (await tenancyRepo.listRegions(ctx.tx)).find((r) => r.slug === input.region);
  if (!region) throw notFound('Region');
  if (actor.userKind === 'regional' && actor.regionId !== region.id)
    throw forbidden('A regional user sees the roll-up of their own region only');
  const municipalities = await tenancyRepo.listMunicipalities(ctx.tx, region.id);
  // Each municipality counts [from, to] in its own local days; the default range ends on the
  // today of the region's most common zone.
  const slice = resolveSlice(input, ctx.clock.now(), commonZone(municipalities.map((m) => m.timezone)));
  const rows = await rollupRepo.kpis(
    ctx.tx,
    municipalities.map((m) => m.id),
    slice,
    ctx.clock.now(),
  );
  const by = new Map(rows.map((r) => [r.municipalityId, r]));
  const empty: RollupRow = { ...sumCounts([]), municipalityId: null, medianDays: null };
  return {
    region: { slug: region.slug, name: { ru: region.nameRu, en: region.nameEn } },
    range: { from: slice.from, to: slice.to },
    municipalities: municipalities.map((m) => ({
      slug: m.slug,
      name: { ru: m.nameRu, en: m.nameEn },
      kpis: kpisOf(by.get(m.id) ?? empty),
    })),
    total: kpisOf(by.get(null) ?? empty),
  };
}
