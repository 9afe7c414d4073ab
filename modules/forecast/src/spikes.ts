import { addDays, daysBetween, type IsoDate, type WorkingCalendar } from '@zemstvo/calendar';
import { historicalRussianCalendar } from './calendar-history.ts';
import { dayFactor, estimateDayProfile, weekFactor } from './day-profile.ts';
import { completeWeeks, dailyCounts, mondayIndex, sumSeries, type DailySeries } from './days.ts';
import { normalQuantile } from './normal.ts';
import { forecastWeeks } from './weekly-forecast.ts';

/**
 * Spikes: a day or a week whose count is far above what the forecast allowed. "Far above" means
 * above the upper end of a wide interval (by default 99 %) and by at least `minExcess` appeals, so
 * that three appeals instead of zero in a quiet category do not raise an alarm. For the analytics
 * module, which opens a proactive-signal document for the responsible department.
 */
export interface Spike {
  group: string;
  unit: 'day' | 'week';
  /** The day, or the Monday of the week. */
  period: IsoDate;
  count: number;
  forecast: number;
  hi: number;
  /** count − hi. */
  excess: number;
  /** (count − forecast) / sd: how many standard deviations above the forecast. */
  score: number;
}

export interface ExpectedCount {
  period: IsoDate;
  forecast: number;
  hi: number;
  sd: number;
}

export interface SpikeThresholds {
  /** The count must exceed the interval's upper end by at least this much. */
  minExcess: number;
}

/** Compares observed counts with expected ones; returns the spikes, largest score first. */
export function findSpikes(
  group: string,
  unit: 'day' | 'week',
  observed: ReadonlyMap<IsoDate, number>,
  expected: readonly ExpectedCount[],
  thresholds: SpikeThresholds = { minExcess: 3 },
): Spike[] {
  const out: Spike[] = [];
  for (const e of expected) {
    const count = observed.get(e.period) ?? 0;
    const excess = count - e.hi;
    if (excess > 0 && excess >= thresholds.minExcess)
      out.push({
        group,
        unit,
        period: e.period,
        count,
        forecast: e.forecast,
        hi: e.hi,
        excess,
        score: e.sd > 0 ? (count - e.forecast) / e.sd : Infinity,
      });
  }
  return out.sort((a, b) => b.score - a.score);
}

export interface RecentSpikesOptions {
  unit: 'day' | 'week';
  /** How many of the latest days (or complete weeks) to examine; the model is fitted on what came before. */
  window: number;
  /** Coverage of the interval a spike must exceed. */
  level: number;
  minExcess: number;
  calendar?: WorkingCalendar;
  /**
   * The last day of the window (daily spikes; e.g. today): days after the last event count 0.
   * By default the day of the last event.
   */
  until?: IsoDate;
}

/** A day of the window with its count and what the forecast allowed. */
export interface DayBand extends ExpectedCount {
  count: number;
}

export const DEFAULT_SPIKE_OPTIONS: RecentSpikesOptions = {
  unit: 'day',
  window: 7,
  level: 0.99,
  minExcess: 3,
};

/**
 * Spikes in the latest days or weeks of dated events, per group. The weekly model is fitted on
 * the complete weeks before the window; a day's expectation is its week's forecast spread over
 * the days by the day profile, with Poisson noise plus its share of the week's uncertainty.
 */
export function recentSpikes(
  events: Iterable<{ date: IsoDate; group: string }>,
  options: RecentSpikesOptions = DEFAULT_SPIKE_OPTIONS,
): Spike[] {
  const calendar = options.calendar ?? historicalRussianCalendar();
  const spikes: Spike[] = [];
  if (options.unit === 'day') {
    for (const [group, bands] of recentDayBands(events, { ...options, calendar }))
      spikes.push(...spikesOfBands(group, bands, options));
    return spikes.sort((a, b) => b.score - a.score);
  }
  const { groups } = dailyCounts(events);
  if (groups.size === 0) return [];
  const z = normalQuantile((1 + options.level) / 2);
  const total = sumSeries([...groups.values()]);
  const allWeeks = completeWeeks(total).weeks;
  const firstChecked = allWeeks[Math.max(0, allWeeks.length - options.window)];
  if (firstChecked === undefined) return [];
  const history = (s: DailySeries) => before(s, firstChecked);
  const profile = estimateDayProfile(history(total), calendar);
  for (const [group, series] of groups) {
    const { weeks } = forecastWeeks(completeWeeks(history(series)), {
      horizon: options.window,
      level: options.level,
      profile,
      calendar,
    });
    const observed = new Map(zip(completeWeeks(series)));
    const expected = weeks.map((w) => ({
      period: w.weekStart,
      forecast: w.forecast,
      hi: w.forecast + z * w.sd,
      sd: w.sd,
    }));
    spikes.push(
      ...findSpikes(
        group,
        'week',
        observed,
        expected.filter((e) => observed.has(e.period)),
        options,
      ),
    );
  }
  return spikes.sort((a, b) => b.score - a.score);
}

function before(s: DailySeries, day: IsoDate): DailySeries {
  const counts: number[] = [];
  for (let i = 0; i < s.counts.length && addDays(s.from, i) < day; i++) counts.push(s.counts[i]!);
  return { from: s.from, counts };
}

function zip(w: { weeks: IsoDate[]; totals: number[] }): [IsoDate, number][] {
  return w.weeks.map((d, i) => [d, w.totals[i]!]);
}

/** The daily spikes of one group among its day bands. */
export function spikesOfBands(
  group: string,
  bands: readonly DayBand[],
  thresholds: SpikeThresholds,
): Spike[] {
  return findSpikes(group, 'day', new Map(bands.map((b) => [b.period, b.count] as const)), bands, thresholds);
}

/**
 * Per group, the last `window` days (up to `until`, or the last event) with their counts and the
 * band the forecast allowed: the weekly model is fitted on the complete weeks before the window's
 * Monday; a day's expectation is its week's forecast spread over the days by the day profile, with
 * Poisson noise plus its share of the week's uncertainty, and `hi` the upper end of the `level`
 * interval. A spike is a day far above `hi`; a day at or below it is a normal day.
 */
export function recentDayBands(
  events: Iterable<{ date: IsoDate; group: string }>,
  options: Omit<RecentSpikesOptions, 'unit' | 'minExcess'>,
): Map<string, DayBand[]> {
  const calendar = options.calendar ?? historicalRussianCalendar();
  const counted = dailyCounts(events);
  const out = new Map<string, DayBand[]>();
  if (counted.groups.size === 0) return out;
  const to = options.until !== undefined && options.until > counted.to ? options.until : counted.to;
  const groups = new Map([...counted.groups].map(([g, s]) => [g, through(s, to)] as const));
  const z = normalQuantile((1 + options.level) / 2);
  const total = sumSeries([...groups.values()]);
  const firstDay = addDays(to, 1 - options.window);
  const monday = addDays(firstDay, -mondayIndex(firstDay));
  const history = (s: DailySeries) => before(s, monday);
  const profile = estimateDayProfile(history(total), calendar);
  const horizon = Math.ceil((options.window + mondayIndex(firstDay)) / 7) + 1;
  for (const [group, series] of groups) {
    const { weeks } = forecastWeeks(completeWeeks(history(series)), {
      horizon,
      level: options.level,
      profile,
      calendar,
    });
    const bands: DayBand[] = [];
    for (const w of weeks) {
      const wf = 7 * weekFactor(profile, calendar, w.weekStart);
      for (let k = 0; k < 7; k++) {
        const d = addDays(w.weekStart, k);
        if (d < firstDay || d > to) continue;
        const share = dayFactor(profile, calendar, d) / wf;
        const forecast = w.forecast * share;
        const sd = Math.sqrt(forecast + Math.max(0, w.sd * w.sd - w.forecast) * share * share);
        bands.push({ period: d, count: countOn(series, d), forecast, hi: forecast + z * sd, sd });
      }
    }
    out.set(group, bands);
  }
  return out;
}

/** The series extended with zero days up to `to`. */
function through(s: DailySeries, to: IsoDate): DailySeries {
  const missing = daysBetween(s.from, to) + 1 - s.counts.length;
  return missing > 0 ? { from: s.from, counts: [...s.counts, ...new Array<number>(missing).fill(0)] } : s;
}

function countOn(s: DailySeries, d: IsoDate): number {
  return s.counts[daysBetween(s.from, d)] ?? 0;
}
