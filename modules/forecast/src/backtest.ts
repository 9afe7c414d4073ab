import { addDays, daysBetween, type IsoDate, type WorkingCalendar } from '@zemstvo/calendar';
import { estimateDayProfile, type DayProfile } from './day-profile.ts';
import { completeWeeks, type DailySeries } from './days.ts';
import { forecastWeeks, seasonalNaiveWeeks } from './weekly-forecast.ts';

/**
 * Rolling-origin back-test: for each week from the `minTrainWeeks`-th complete week on, fit on
 * the weeks before it (the day profile included, from the total series up to then) and forecast
 * 1…`horizon` weeks ahead, for the model and for the seasonal-naive forecast alike. Errors:
 * MAE; MASE, each error scaled by the mean absolute one-week change of the training weeks
 * (Hyndman & Koehler, 2006); sMAPE (0 when forecast and actual are both 0); and the share of
 * actual weeks inside the model's interval.
 */
export interface ErrorScore {
  mae: number;
  mase: number;
  smape: number;
}

export interface BacktestResult {
  group: string;
  /** Forecasts compared (origins × horizons). */
  n: number;
  origins: number;
  model: ErrorScore & { coverage: number };
  naive: ErrorScore;
}

export interface BacktestOptions {
  horizon: number;
  minTrainWeeks: number;
  level: number;
  calendar: WorkingCalendar;
  /**
   * The day profile of the total up to an origin, when the caller back-tests several groups
   * against one total and keeps the profiles (see `profileCache`); estimated here otherwise.
   */
  profileAt?: (origin: IsoDate) => DayProfile;
}

/** Day profiles of one total series per origin, estimated once for every group back-tested against it. */
export function profileCache(total: DailySeries, calendar: WorkingCalendar): (origin: IsoDate) => DayProfile {
  const cache = new Map<IsoDate, DayProfile>();
  return (origin) => {
    let p = cache.get(origin);
    if (!p) cache.set(origin, (p = estimateDayProfile(truncate(total, origin), calendar)));
    return p;
  };
}

const truncate = (s: DailySeries, before: IsoDate): DailySeries => ({
  from: s.from,
  counts: s.counts.slice(0, Math.max(0, daysBetween(s.from, before))),
});

function naiveScale(totals: readonly number[]): number {
  let s = 0;
  for (let i = 1; i < totals.length; i++) s += Math.abs(totals[i]! - totals[i - 1]!);
  return totals.length > 1 ? s / (totals.length - 1) : 0;
}

class Accumulator {
  n = 0;
  abs = 0;
  scaled = 0;
  smape = 0;
  inside = 0;
  add(forecast: number, actual: number, scale: number, interval?: [number, number]): void {
    const e = Math.abs(forecast - actual);
    this.n++;
    this.abs += e;
    this.scaled += e / (scale > 0 ? scale : 1);
    const denom = Math.abs(forecast) + Math.abs(actual);
    this.smape += denom > 0 ? (2 * e) / denom : 0;
    if (interval && actual >= interval[0] && actual <= interval[1]) this.inside++;
  }
  score(): ErrorScore {
    const n = Math.max(1, this.n);
    return { mae: this.abs / n, mase: this.scaled / n, smape: this.smape / n };
  }
}

export function backtest(
  group: string,
  series: DailySeries,
  total: DailySeries,
  options: BacktestOptions,
): BacktestResult {
  const weeks = completeWeeks(series);
  const model = new Accumulator();
  const naive = new Accumulator();
  let origins = 0;
  for (let o = options.minTrainWeeks; o < weeks.weeks.length; o++) {
    const origin = weeks.weeks[o]!;
    const train = completeWeeks(truncate(series, origin));
    const profile =
      options.profileAt?.(origin) ?? estimateDayProfile(truncate(total, origin), options.calendar);
    const { weeks: f } = forecastWeeks(train, { ...options, profile });
    const nf = seasonalNaiveWeeks(train, options.horizon);
    const scale = naiveScale(train.totals);
    origins++;
    for (let h = 0; h < options.horizon && o + h < weeks.weeks.length; h++) {
      const actual = weeks.totals[o + h]!;
      if (f[h]!.weekStart !== weeks.weeks[o + h])
        throw new Error(`Week mismatch at ${addDays(origin, 7 * h)}`);
      model.add(f[h]!.forecast, actual, scale, [f[h]!.lo, f[h]!.hi]);
      naive.add(nf[h]!, actual, scale);
    }
  }
  return {
    group,
    n: model.n,
    origins,
    model: { ...model.score(), coverage: model.inside / Math.max(1, model.n) },
    naive: naive.score(),
  };
}
