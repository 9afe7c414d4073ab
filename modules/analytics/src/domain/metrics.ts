import { addDays, parseIsoDate } from '@zemstvo/calendar';
import type { Period } from './filters.ts';

/** Counts of a group of cases, as the repositories return them. */
export interface Counts {
  n: number;
  registered: number;
  answered: number;
  overdueNow: number;
  late: number;
  onTime: number;
  rating: number | null;
  rated: number;
  rejected: number;
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Share of answers given by their due date among answers that had one (null when none had). */
export const onTimeShare = (c: Pick<Counts, 'onTime' | 'late'>): number | null =>
  c.onTime + c.late > 0 ? round(c.onTime / (c.onTime + c.late)) : null;

/** Sums counts of several groups (a department of several executors, a region of municipalities). */
export function sumCounts(rows: readonly Counts[]): Counts {
  const out: Counts = {
    n: 0,
    registered: 0,
    answered: 0,
    overdueNow: 0,
    late: 0,
    onTime: 0,
    rating: null,
    rated: 0,
    rejected: 0,
  };
  let ratingSum = 0;
  for (const r of rows) {
    out.n += r.n;
    out.registered += r.registered;
    out.answered += r.answered;
    out.overdueNow += r.overdueNow;
    out.late += r.late;
    out.onTime += r.onTime;
    out.rated += r.rated;
    out.rejected += r.rejected;
    ratingSum += (r.rating ?? 0) * r.rated;
  }
  out.rating = out.rated ? ratingSum / out.rated : null;
  return out;
}

/**
 * The q-quantile (0..1) of a distribution given as counts per tenth of a day (key = floor(days·10)):
 * the smallest tenth at which the cumulative count reaches q of the total, in days.
 */
export function quantileOfTenths(tenths: ReadonlyMap<number, number>, q: number): number | null {
  const keys = [...tenths.keys()].sort((a, b) => a - b);
  const total = keys.reduce((s, k) => s + tenths.get(k)!, 0);
  if (!total) return null;
  let seen = 0;
  for (const k of keys) {
    seen += tenths.get(k)!;
    if (seen >= q * total) return k / 10;
  }
  return keys[keys.length - 1]! / 10;
}

/** Buckets of the answer-time histogram, in days: [from, to), the last open-ended. */
export const HISTOGRAM_EDGES = [0, 1, 3, 7, 15, 30, 60] as const;

export function histogramOfTenths(
  tenths: ReadonlyMap<number, number>,
): { from: number; to: number | null; n: number }[] {
  const out = HISTOGRAM_EDGES.map((from, i) => ({ from, to: HISTOGRAM_EDGES[i + 1] ?? null, n: 0 }));
  for (const [k, n] of tenths) {
    const days = k / 10;
    const b = out.findLast((x) => days >= x.from) ?? out[0]!;
    b.n += n;
  }
  return out;
}

/** The first day of the period an ISO date falls in (weeks start on Monday, like date_trunc). */
export function periodStart(d: string, period: Period): string {
  if (period === 'day') return d;
  if (period === 'month') return `${d.slice(0, 7)}-01`;
  const { y, m, day } = parseIsoDate(d);
  const weekday = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
  return addDays(d, -((weekday + 6) % 7));
}

/** Every period start from the one holding `from` to the one holding `to`. */
export function periodStarts(from: string, to: string, period: Period): string[] {
  const out: string[] = [];
  let p = periodStart(from, period);
  while (p <= to) {
    out.push(p);
    if (period === 'day') p = addDays(p, 1);
    else if (period === 'week') p = addDays(p, 7);
    else {
      const { y, m } = parseIsoDate(p);
      p = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}
