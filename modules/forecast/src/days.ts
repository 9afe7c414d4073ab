import { addDays, daysBetween, weekday, type IsoDate } from '@zemstvo/calendar';

/** Monday of the week of a date (weeks start on Monday). */
export function weekStart(d: IsoDate): IsoDate {
  return addDays(d, -((weekday(d) + 6) % 7));
}

/** 0 = Monday … 6 = Sunday. */
export const mondayIndex = (d: IsoDate): number => (weekday(d) + 6) % 7;

/** Every date from `from` to `to`, both included. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

/**
 * Daily counts of one series over an observation window. Days in the window without an event
 * count 0: the window says when someone was looking, so an empty day is a real zero.
 */
export interface DailySeries {
  from: IsoDate;
  /** counts[i] is the count of addDays(from, i). */
  counts: number[];
}

export const seriesEnd = (s: DailySeries): IsoDate => addDays(s.from, s.counts.length - 1);

/**
 * Counts per group and day of dated events, over the window from the first to the last event
 * date of all groups (so every group shares one window).
 */
export function dailyCounts(events: Iterable<{ date: IsoDate; group: string }>): {
  from: IsoDate;
  to: IsoDate;
  groups: Map<string, DailySeries>;
} {
  const byGroup = new Map<string, Map<IsoDate, number>>();
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  for (const e of events) {
    if (from === null || e.date < from) from = e.date;
    if (to === null || e.date > to) to = e.date;
    let g = byGroup.get(e.group);
    if (!g) byGroup.set(e.group, (g = new Map()));
    g.set(e.date, (g.get(e.date) ?? 0) + 1);
  }
  const groups = new Map<string, DailySeries>();
  if (from === null || to === null) return { from: '', to: '', groups };
  const days = dateRange(from, to);
  for (const [name, g] of [...byGroup].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
    groups.set(name, { from, counts: days.map((d) => g.get(d) ?? 0) });
  return { from, to, groups };
}

/** Sum of several daily series over the same window. */
export function sumSeries(series: readonly DailySeries[]): DailySeries {
  const first = series[0];
  if (!first) return { from: '', counts: [] };
  const counts = first.counts.map((_, i) => series.reduce((s, x) => s + (x.counts[i] ?? 0), 0));
  return { from: first.from, counts };
}

export interface WeeklySeries {
  /** Monday of each complete week. */
  weeks: IsoDate[];
  totals: number[];
}

/** Totals of the complete Monday–Sunday weeks inside a daily series (partial weeks at the ends left out). */
export function completeWeeks(s: DailySeries): WeeklySeries {
  const weeks: IsoDate[] = [];
  const totals: number[] = [];
  let i = (7 - mondayIndex(s.from)) % 7;
  for (; i + 7 <= s.counts.length; i += 7) {
    weeks.push(addDays(s.from, i));
    let t = 0;
    for (let k = 0; k < 7; k++) t += s.counts[i + k]!;
    totals.push(t);
  }
  return { weeks, totals };
}
