import type { CalendarYear } from '../../api/calendar.ts';

/** What a day is in the effective calendar, as the month grids show it. */
export type DayKind = 'working' | 'weekend' | 'off' | 'working-weekend';

export interface CalendarDay {
  date: string;
  day: number;
  kind: DayKind;
  /** The operator's note when an override sets this day. */
  override: { kind: 'off' | 'working'; note: string } | null;
}

/** A month as weeks of seven cells, Monday first (the Russian week); null pads the edges. */
export interface MonthWeeks {
  month: number;
  weeks: (CalendarDay | null)[][];
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The twelve months of `cal.year`, each day marked by the calendar's lists and overrides. */
export function monthsOf(cal: CalendarYear): MonthWeeks[] {
  const off = new Set(cal.daysOff);
  const worked = new Set(cal.workingWeekends);
  const overrides = new Map(cal.overrides.map((o) => [o.date, o]));
  const months: MonthWeeks[] = [];
  for (let month = 1; month <= 12; month++) {
    const days = new Date(Date.UTC(cal.year, month, 0)).getUTCDate();
    // getUTCDay: 0 Sunday … 6 Saturday; Monday-first column 0 … 6.
    const lead = (new Date(Date.UTC(cal.year, month - 1, 1)).getUTCDay() + 6) % 7;
    const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
    for (let day = 1; day <= days; day++) {
      const date = iso(cal.year, month, day);
      const weekend = (lead + day - 1) % 7 >= 5;
      const kind: DayKind = weekend
        ? worked.has(date)
          ? 'working-weekend'
          : 'weekend'
        : off.has(date)
          ? 'off'
          : 'working';
      const o = overrides.get(date);
      cells.push({ date, day, kind, override: o ? { kind: o.kind, note: o.note } : null });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (CalendarDay | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ month, weeks });
  }
  return months;
}

/** The year the page shows: `?year=` when it is one the API accepts (2000–2100), else `fallback`. */
export function yearParam(value: string | null, fallback: number): number {
  if (value === null || !/^\d{4}$/.test(value)) return fallback;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : fallback;
}
