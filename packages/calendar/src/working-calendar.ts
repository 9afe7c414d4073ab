import { addDays, weekday, type IsoDate } from './dates.ts';
import type { CalendarYear } from './data/types.ts';

export interface CalendarOverride {
  date: IsoDate;
  /** `off`: a day off (e.g. a regional holiday); `working`: a working day (e.g. a worked Saturday). */
  kind: 'off' | 'working';
}

/**
 * Which days are working days: Monday–Friday, minus the days off of the production calendar,
 * plus its working weekends, then the operator's overrides (which win). Outside the years it
 * knows, the calendar falls back to plain weekends and says so through `covers`.
 */
export class WorkingCalendar {
  readonly #off = new Set<IsoDate>();
  readonly #working = new Set<IsoDate>();
  readonly #years = new Set<number>();

  constructor(years: readonly CalendarYear[], overrides: readonly CalendarOverride[] = []) {
    for (const y of years) {
      this.#years.add(y.year);
      for (const d of y.daysOff) this.#off.add(d);
      for (const d of y.workingWeekends) this.#working.add(d);
    }
    for (const o of overrides) {
      this.#off.delete(o.date);
      this.#working.delete(o.date);
      (o.kind === 'off' ? this.#off : this.#working).add(o.date);
    }
  }

  covers(date: IsoDate): boolean {
    return this.#years.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: IsoDate): boolean {
    if (this.#working.has(date)) return true;
    if (this.#off.has(date)) return false;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /** The date itself if it is a working day, else the next working day. */
  onOrAfter(date: IsoDate): IsoDate {
    let d = date;
    for (let i = 0; i < 60 && !this.isWorkingDay(d); i++) d = addDays(d, 1);
    return d;
  }

  /** The date itself if it is a working day, else the previous working day. */
  onOrBefore(date: IsoDate): IsoDate {
    let d = date;
    for (let i = 0; i < 60 && !this.isWorkingDay(d); i++) d = addDays(d, -1);
    return d;
  }

  /** The n-th working day after `date` (n ≥ 1), not counting `date` itself. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days in (from, to]. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}
