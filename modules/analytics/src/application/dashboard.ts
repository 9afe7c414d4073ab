import type { ResultCache } from '@zemstvo/audit';
import type { ServiceRegistry } from '@zemstvo/catalog';
import { municipalTimeZone, type Ctx, type LocalizedText } from '@zemstvo/kernel';
import { resolveSlice, type FilterInput, type Period, type Slice } from '../domain/filters.ts';
import {
  histogramOfTenths,
  onTimeShare,
  periodStart,
  periodStarts,
  quantileOfTenths,
  round,
  sumCounts,
  type Counts,
} from '../domain/metrics.ts';
import {
  dashboardRepo,
  STATE,
  type Dimension,
  type PeriodCount,
  type StateRow,
} from '../infra/dashboard.repository.ts';
import { isUuid } from '../infra/slice.repository.ts';
import { labelsOf } from './labels.ts';

export interface Kpis {
  incoming: number;
  registered: number;
  answered: number;
  open: number;
  overdueNow: number;
  answeredOnTime: number;
  answeredLate: number;
  onTimeShare: number | null;
  medianAnswerDays: number | null;
  p90AnswerDays: number | null;
  meanRating: number | null;
  rated: number;
  rejections: number;
}

export interface BreakdownRow {
  key: string | null;
  label: LocalizedText;
  incoming: number;
  answered: number;
  overdueNow: number;
  onTimeShare: number | null;
  meanRating: number | null;
  rejections: number;
}

export interface Dashboard {
  range: { from: string; to: string; period: Period; today: string };
  kpis: Kpis;
  series: { period: string; incoming: number; answered: number; overdue: number }[];
  breakdowns: Record<'category' | 'theme' | 'district' | 'executor' | 'department', BreakdownRow[]>;
  histogram: { from: number; to: number | null; n: number }[];
}

export interface DashboardInput extends FilterInput {
  period?: Period | undefined;
}

/** Rows per breakdown (largest first); the rest of a long tail is left out of the payload. */
export const BREAKDOWN_LIMIT = 50;
/** Where the dashboard's groups come from: the per-day summaries (a direct pass over appeals in tests). */
export interface DashboardSource {
  groups(sql: Ctx['tx'], municipalityId: string, s: Slice): Promise<StateRow[]>;
  answeredByDay(sql: Ctx['tx'], municipalityId: string, s: Slice): Promise<PeriodCount[]>;
}

const NONE: LocalizedText = { ru: 'Не указано', en: 'Not set' };

const breakdownRow = (key: string | null, label: LocalizedText, c: Counts): BreakdownRow => ({
  key,
  label,
  incoming: c.n,
  answered: c.answered,
  overdueNow: c.overdueNow,
  onTimeShare: onTimeShare(c),
  meanRating: c.rating === null ? null : round(c.rating, 2),
  rejections: c.rejected,
});

/** Counts per key of one dimension, from its groups by case state. */
function countsOf(rows: readonly StateRow[], dim: Dimension): (Counts & { key: string | null })[] {
  const by = new Map<string | null, Counts & { key: string | null; ratingSum: number }>();
  for (const r of rows) {
    if (r.dim !== dim) continue;
    const c = by.get(r.key) ?? { key: r.key, ...sumCounts([]), ratingSum: 0 };
    const st = r.st ?? 0;
    const add = (bit: number) => (st & bit ? r.n : 0);
    c.n += r.n;
    c.registered += add(STATE.registered);
    c.answered += add(STATE.closed);
    c.overdueNow += add(STATE.overdueNow);
    c.late += add(STATE.late);
    c.onTime += add(STATE.onTime);
    c.rejected += add(STATE.rejected);
    c.rated += r.rated;
    c.ratingSum += r.ratingSum ?? 0;
    by.set(r.key, c);
  }
  return [...by.values()].map(({ ratingSum, ...c }) => ({
    ...c,
    rating: c.rated ? ratingSum / c.rated : null,
  }));
}

/** Largest first; equal counts by key (not set last), so the order does not depend on the plan. */
const top = (rows: BreakdownRow[]) =>
  rows
    .sort(
      (a, b) =>
        b.incoming - a.incoming ||
        (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
        (a.key ?? '').localeCompare(b.key ?? ''),
    )
    .slice(0, BREAKDOWN_LIMIT);

/**
 * The dashboard of a slice of the municipality's appeals (received in [from, to]): KPIs, a series
 * by period, breakdowns by category, theme, district, executor and department, and the histogram
 * of answer times.
 */
export async function dashboard(
  ctx: Ctx,
  registry: ServiceRegistry,
  input: DashboardInput,
  cache?: ResultCache,
): Promise<Dashboard> {
  const slice = resolveSlice(input, ctx.clock.now(), municipalTimeZone(ctx));
  const period = input.period ?? 'day';
  const compute = () => computeDashboard(ctx, registry, slice, period);
  return cache ? cache.get(ctx, `dashboard:${JSON.stringify({ slice, period })}`, compute) : compute();
}

export async function computeDashboard(
  ctx: Ctx,
  registry: ServiceRegistry,
  slice: Slice,
  period: Period,
  source: DashboardSource = dashboardRepo,
): Promise<Dashboard> {
  const m = ctx.tenant!.municipalityId;
  const groups = await source.groups(ctx.tx, m, slice);
  const answered = await source.answeredByDay(ctx.tx, m, slice);
  const of = (dim: Dimension) => countsOf(groups, dim);
  const total = of('total')[0] ?? { key: null, ...sumCounts([]) };
  const tenths = new Map(
    groups.filter((g) => g.dim === 'days' && g.key !== null).map((g) => [Number(g.key), g.n]),
  );

  const series = new Map(
    periodStarts(slice.from, slice.to, period).map((p) => [
      p,
      { period: p, incoming: 0, answered: 0, overdue: 0 },
    ]),
  );
  for (const g of of('day')) {
    const s = g.key ? series.get(periodStart(g.key, period)) : undefined;
    if (s) {
      s.incoming += g.n;
      s.overdue += g.late + g.overdueNow;
    }
  }
  for (const r of answered) {
    const s = series.get(periodStart(r.period, period));
    if (s) s.answered += r.n;
  }

  const labels = labelsOf(registry);
  const executorRows = of('executor');
  const users = await dashboardRepo.executors(
    ctx.tx,
    m,
    executorRows.flatMap((g) => (g.key && isUuid(g.key) ? [g.key] : [])),
  );
  const userBy = new Map(users.map((u) => [u.userId, u]));
  // An executor organisation (imported cases) is the department of the same name when there is one.
  const byName = new Map((await dashboardRepo.departments(ctx.tx, m)).map((d) => [d.ru, d]));
  const departments = new Map<string | null, { label: LocalizedText; rows: Counts[] }>();
  for (const g of executorRows) {
    const u = g.key ? userBy.get(g.key) : undefined;
    const org = !u && g.key ? byName.get(g.key) : undefined;
    const key = u ? u.departmentId : org ? org.id : g.key;
    const label = u?.departmentId
      ? { ru: u.departmentRu!, en: u.departmentEn! }
      : org
        ? { ru: org.ru, en: org.en }
        : key
          ? { ru: key, en: key }
          : NONE;
    const d = departments.get(key) ?? { label, rows: [] };
    d.rows.push(g);
    departments.set(key, d);
  }
  const named = (key: string | null, label: (k: string) => LocalizedText) =>
    key === null ? NONE : label(key);

  return {
    range: { from: slice.from, to: slice.to, period, today: slice.today },
    kpis: {
      incoming: total.n,
      registered: total.registered,
      answered: total.answered,
      open: total.n - total.answered,
      overdueNow: total.overdueNow,
      answeredOnTime: total.onTime,
      answeredLate: total.late,
      onTimeShare: onTimeShare(total),
      medianAnswerDays: quantileOfTenths(tenths, 0.5),
      p90AnswerDays: quantileOfTenths(tenths, 0.9),
      meanRating: total.rating === null ? null : round(total.rating, 2),
      rated: total.rated,
      rejections: total.rejected,
    },
    series: [...series.values()],
    breakdowns: {
      category: top(of('category').map((g) => breakdownRow(g.key, named(g.key, labels.category), g))),
      theme: top(of('theme').map((g) => breakdownRow(g.key, named(g.key, labels.theme), g))),
      district: top(
        of('district').map((g) =>
          breakdownRow(
            g.key,
            named(g.key, (k) => ({ ru: k, en: k })),
            g,
          ),
        ),
      ),
      executor: top(
        executorRows.map((g) => {
          const u = g.key ? userBy.get(g.key) : undefined;
          return breakdownRow(
            g.key,
            u ? { ru: u.name, en: u.name } : named(g.key, (k) => ({ ru: k, en: k })),
            g,
          );
        }),
      ),
      department: top([...departments].map(([key, d]) => breakdownRow(key, d.label, sumCounts(d.rows)))),
    },
    histogram: histogramOfTenths(tenths),
  };
}
