import type { WorkingCalendar } from '@zemstvo/calendar';
import { addDays, type IsoDate } from '@zemstvo/calendar';
import { mondayIndex, type DailySeries } from './days.ts';

/**
 * How the volume of a day compares with an average day: one factor per weekday (Monday–Sunday,
 * averaging 1) and one for a public holiday or other day off falling on a weekday. Weekday
 * factors are the mean ratio of a day's count to the centred 7-day moving average around it
 * (classical decomposition); estimate them on a series with enough volume (in practice the sum
 * over all categories).
 */
export interface DayProfile {
  weekday: number[];
  /** Factor of a weekday that is a day off; when no such day was observed, Sunday's. */
  dayOff: number;
  /** Whether `dayOff` was estimated from observed days off. */
  dayOffObserved: boolean;
}

export const FLAT_PROFILE: DayProfile = { weekday: [1, 1, 1, 1, 1, 1, 1], dayOff: 1, dayOffObserved: false };

/** A weekday (Monday–Friday) that the calendar says is not worked. */
export const isWeekdayOff = (calendar: WorkingCalendar, d: IsoDate): boolean =>
  mondayIndex(d) < 5 && !calendar.isWorkingDay(d);

export function estimateDayProfile(series: DailySeries, calendar: WorkingCalendar): DayProfile {
  const c = series.counts;
  const days = c.map((_, i) => addDays(series.from, i));
  const off = days.map((d) => isWeekdayOff(calendar, d));
  // Weekday factors: each day against the centred 7-day moving average, away from days off.
  const sums = new Array<number>(7).fill(0);
  const ns = new Array<number>(7).fill(0);
  for (let i = 3; i + 3 < c.length; i++) {
    if (off.slice(i - 3, i + 4).some(Boolean)) continue;
    let ma = 0;
    for (let k = -3; k <= 3; k++) ma += c[i + k]!;
    if (ma <= 0) continue;
    sums[mondayIndex(days[i]!)]! += (7 * c[i]!) / ma;
    ns[mondayIndex(days[i]!)]!++;
  }
  if (ns.some((n) => n === 0)) return FLAT_PROFILE;
  const raw = sums.map((s, i) => s / ns[i]!);
  const mean = raw.reduce((a, b) => a + b, 0) / 7;
  const weekday = raw.map((f) => f / mean);
  // Days off: each against the same weekday of the nearest ordinary days (up to two weeks either
  // side), in units of that weekday's factor. The moving average would not do here: around the
  // New Year the whole fortnight is quiet.
  let offSum = 0;
  let offN = 0;
  for (let i = 0; i < c.length; i++) {
    if (!off[i]) continue;
    let ref = 0;
    let refN = 0;
    for (const k of [-14, -7, 7, 14]) {
      const j = i + k;
      if (j >= 0 && j < c.length && !off[j]) {
        ref += c[j]!;
        refN++;
      }
    }
    if (refN === 0 || ref <= 0) continue;
    offSum += (c[i]! / (ref / refN)) * weekday[mondayIndex(days[i]!)]!;
    offN++;
  }
  return offN > 0
    ? { weekday, dayOff: offSum / offN, dayOffObserved: true }
    : { weekday, dayOff: weekday[6]!, dayOffObserved: false };
}

export const dayFactor = (profile: DayProfile, calendar: WorkingCalendar, d: IsoDate): number =>
  isWeekdayOff(calendar, d) ? profile.dayOff : profile.weekday[mondayIndex(d)]!;

// Week factors per profile and calendar: a back-test asks for the same weeks at every origin and group.
const weekFactors = new WeakMap<DayProfile, WeakMap<WorkingCalendar, Map<IsoDate, number>>>();

/** Expected volume of the week starting `monday` relative to an ordinary week (1 without days off). */
export function weekFactor(profile: DayProfile, calendar: WorkingCalendar, monday: IsoDate): number {
  let byCalendar = weekFactors.get(profile);
  if (!byCalendar) weekFactors.set(profile, (byCalendar = new WeakMap()));
  let cache = byCalendar.get(calendar);
  if (!cache) byCalendar.set(calendar, (cache = new Map()));
  const known = cache.get(monday);
  if (known !== undefined) return known;
  let s = 0;
  for (let k = 0; k < 7; k++) s += dayFactor(profile, calendar, addDays(monday, k));
  cache.set(monday, s / 7);
  return s / 7;
}
