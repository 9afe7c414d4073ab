import { addDays, daysBetween, localDate, type IsoDate } from '@zemstvo/calendar';
import type { ServiceRegistry } from '@zemstvo/catalog';
import { badRequest, notFound, type Ctx } from '@zemstvo/kernel';
import { backtest, profileCache } from '../backtest.ts';
import { historicalRussianCalendar } from '../calendar-history.ts';
import { estimateDayProfile, type DayProfile } from '../day-profile.ts';
import { completeWeeks, weekStart, type DailySeries } from '../days.ts';
import { forecastRepo } from '../infra/forecast.repository.ts';
import { forecastWeeks } from '../weekly-forecast.ts';
import { groupSeries, type GroupBy } from './series.ts';
import { categoryLabel, departmentCodeFor, installedServices, type Localized } from './service-groups.ts';

/** Nominal coverage of the forecast intervals. */
export const FORECAST_LEVEL = 0.9;
/** Complete weeks a group needs before it is forecast at all. */
export const MIN_FORECAST_WEEKS = 4;
/**
 * When the latest appeal is older than this many days, the data stops in the past (an imported
 * archive): the window ends with it and the forecast starts after its last complete week.
 */
export const STALE_AFTER_DAYS = 28;
/** Weeks the back-test trains on before its first origin; it needs at least two origins. */
export const BACKTEST_MIN_TRAIN_WEEKS = 6;

export interface ForecastQuery {
  by: GroupBy;
  horizon: number;
  weeksBack: number;
  service?: string | undefined;
}

export interface ErrorPair {
  mae: number;
  mase: number;
}

export interface GroupForecastView {
  key: string;
  service: string;
  category: string | null;
  label: Localized;
  department: string | null;
  status: 'ok' | 'insufficient_history';
  weeks_observed: number;
  history: { week_start: IsoDate; count: number }[];
  forecast: { week_start: IsoDate; forecast: number; lo: number; hi: number }[];
  backtest: {
    origins: number;
    forecasts: number;
    horizon: number;
    model: ErrorPair & { coverage: number };
    naive: ErrorPair;
    better: 'model' | 'naive' | 'tie';
  } | null;
}

export interface ForecastView {
  by: GroupBy;
  level: number;
  horizon: number;
  min_weeks: number;
  window: { from: IsoDate; to: IsoDate };
  /** True when the data ends more than STALE_AFTER_DAYS before today and the window ends with it. */
  stale: boolean;
  groups: GroupForecastView[];
  total: GroupForecastView;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Weekly forecast of incoming appeals per category (or service) of the municipality: the complete
 * weeks of the last `weeksBack` weeks, `horizon` weeks ahead from the current week with 90 %
 * intervals, and a rolling-origin back-test of the model against the seasonal-naive forecast.
 */
export async function getForecast(
  ctx: Ctx,
  registry: ServiceRegistry,
  q: ForecastQuery,
): Promise<ForecastView> {
  if (!ctx.tenant) throw badRequest('tenant_required', 'The forecast needs a municipality');
  const m = ctx.tenant.municipalityId;
  const services = await installedServices(ctx, registry, m);
  if (q.service !== undefined && !services.has(q.service))
    throw notFound(`Service ${q.service}`, 'service_not_found');
  const now = ctx.clock.now();
  // Days are the municipality's local days.
  const timeZone = ctx.tenant.timeZone;
  const yesterday = addDays(localDate(now, timeZone), -1);
  const latest = await forecastRepo.latestDay(ctx.tx, m, {
    until: now,
    timeZone,
    service: q.service,
  });
  const stale = latest !== null && daysBetween(latest, yesterday) > STALE_AFTER_DAYS;
  const to = stale && latest !== null ? latest : yesterday;
  const from = addDays(weekStart(addDays(to, 1)), -7 * q.weeksBack);
  const counts = await forecastRepo.dailyCounts(ctx.tx, m, {
    from,
    until: now,
    timeZone,
    service: q.service,
  });
  const { groups, total } = groupSeries(counts, q.by, from, to);
  const calendar = historicalRussianCalendar();
  const profile = estimateDayProfile(total, calendar);
  const profileAt = profileCache(total, calendar);
  const view = (
    key: string,
    service: string,
    category: string | null,
    label: Localized,
    department: string | null,
    series: DailySeries,
  ): GroupForecastView => {
    const weekly = completeWeeks(series);
    const history = weekly.weeks.map((w, i) => ({ week_start: w, count: weekly.totals[i]! }));
    const base = { key, service, category, label, department, weeks_observed: weekly.weeks.length, history };
    if (weekly.weeks.length < MIN_FORECAST_WEEKS)
      return { ...base, status: 'insufficient_history', forecast: [], backtest: null };
    return {
      ...base,
      status: 'ok',
      forecast: weeksAhead(series, profile, q.horizon),
      backtest: scored(key, series, total, q.horizon),
    };
  };
  const out = groups.map((g) => {
    const s = services.get(g.service);
    const label =
      g.category === null ? (s?.name ?? { ru: g.service, en: g.service }) : categoryLabel(s, g.category);
    const department = g.category === null ? null : departmentCodeFor(s, g.category);
    return view(g.key, g.service, g.category, label, department, g.series);
  });
  const all = view('*', q.service ?? '*', null, { ru: 'Все обращения', en: 'All appeals' }, null, total);
  return {
    by: q.by,
    level: FORECAST_LEVEL,
    horizon: q.horizon,
    min_weeks: MIN_FORECAST_WEEKS,
    window: { from, to },
    stale,
    groups: out,
    total: all,
  };

  function weeksAhead(series: DailySeries, p: DayProfile, horizon: number): GroupForecastView['forecast'] {
    const { weeks } = forecastWeeks(completeWeeks(series), {
      horizon,
      level: FORECAST_LEVEL,
      profile: p,
      calendar,
    });
    return weeks.map((w) => ({
      week_start: w.weekStart,
      forecast: round(w.forecast),
      lo: round(w.lo),
      hi: round(w.hi),
    }));
  }

  function scored(
    key: string,
    series: DailySeries,
    all: DailySeries,
    horizon: number,
  ): GroupForecastView['backtest'] {
    if (completeWeeks(series).weeks.length < BACKTEST_MIN_TRAIN_WEEKS + 2) return null;
    const r = backtest(key, series, all, {
      horizon,
      minTrainWeeks: BACKTEST_MIN_TRAIN_WEEKS,
      level: FORECAST_LEVEL,
      calendar,
      profileAt,
    });
    if (![r.model.mae, r.model.mase, r.naive.mae, r.naive.mase].every(Number.isFinite)) return null;
    const diff = r.model.mae - r.naive.mae;
    return {
      origins: r.origins,
      forecasts: r.n,
      horizon,
      model: { mae: round(r.model.mae), mase: round(r.model.mase, 3), coverage: round(r.model.coverage, 3) },
      naive: { mae: round(r.naive.mae), mase: round(r.naive.mase, 3) },
      better: Math.abs(diff) < 1e-9 ? 'tie' : diff < 0 ? 'model' : 'naive',
    };
  }
}
