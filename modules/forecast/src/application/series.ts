import { addDays, daysBetween, type IsoDate } from '@zemstvo/calendar';
import type { DailySeries } from '../days.ts';
import type { DayCount } from '../infra/forecast.repository.ts';

/** How the counts are grouped: per category of a service instance, or per service instance. */
export type GroupBy = 'category' | 'service';

export interface GroupSeries {
  key: string;
  service: string;
  category: string | null;
  /** Daily counts from the group's first appeal in the window to the window's end. */
  series: DailySeries;
}

export const groupKey = (service: string, category: string | null): string =>
  category === null ? service : `${service}.${category}`;

/**
 * Daily series per group over the window [from, to]: a group starts on the day of its first appeal
 * (a category introduced last month has a month of history, not months of zeros), and so does the
 * total (with the first appeal of any group). Days after `to` are left out.
 */
export function groupSeries(
  counts: readonly DayCount[],
  by: GroupBy,
  from: IsoDate,
  to: IsoDate,
): { groups: GroupSeries[]; total: DailySeries } {
  const length = Math.max(0, daysBetween(from, to) + 1);
  const total: DailySeries = { from, counts: new Array<number>(length).fill(0) };
  const byKey = new Map<string, { service: string; category: string | null; days: Map<IsoDate, number> }>();
  for (const c of counts) {
    if (c.day < from || c.day > to) continue;
    const category = by === 'category' ? c.category : null;
    const key = groupKey(c.service, category);
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { service: c.service, category, days: new Map() }));
    g.days.set(c.day, (g.days.get(c.day) ?? 0) + c.count);
    total.counts[daysBetween(from, c.day)]! += c.count;
  }
  const groups: GroupSeries[] = [];
  for (const [key, g] of [...byKey].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const first = [...g.days.keys()].reduce((a, b) => (b < a ? b : a));
    const n = daysBetween(first, to) + 1;
    const series = {
      from: first,
      counts: Array.from({ length: n }, (_, i) => g.days.get(addDays(first, i)) ?? 0),
    };
    groups.push({ key, service: g.service, category: g.category, series });
  }
  const first = total.counts.findIndex((c) => c > 0);
  const trimmed = first <= 0 ? total : { from: addDays(from, first), counts: total.counts.slice(first) };
  return { groups, total: trimmed };
}
