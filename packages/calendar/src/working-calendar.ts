import { addDays, weekday, type IsoDate } from './dates.ts';
import type { CalendarYear } from './data/types.ts';

export interface CalendarOverride {
  date: IsoDate;
  /** `off`: a day off (e.g. a regional holiday); `working`: a working day (e.g. a worked Saturday). */
  kind: 'off' | 'working';
}

export interface WorkingCalendarOptions {
  /**
   * The calendar of a year none of `years` covers (e.g. `projectedRussianYear`: the holidays of the
   * law without the yearly decree's transfers); without it such a year has plain weekends.
   */
  beyond?: (year: number) => CalendarYear;
}

/**
 * Which days are working days: Monday–Friday, minus the days off of the production calendar,
 * plus its working weekends, then the operator's overrides (which win). Outside the years it
 * knows, the calendar falls back to `beyond` (else plain weekends) and says so through `covers`.
 */
export class WorkingCalendar {
  readonly #off = new Set<IsoDate>();
  readonly #working = new Set<IsoDate>();
  readonly #years = new Set<number>();
  readonly #overrides = new Map<IsoDate, CalendarOverride['kind']>();
  readonly #beyond: ((year: number) => CalendarYear) | undefined;
  readonly #projected = new Set<number>();

  constructor(
    years: readonly CalendarYear[],
    overrides: readonly CalendarOverride[] = [],
    opts: WorkingCalendarOptions = {},
  ) {
    for (const y of years) {
      this.#add(y);
      this.#years.add(y.year);
    }
    for (const o of overrides) this.#overrides.set(o.date, o.kind);
    this.#beyond = opts.beyond;
  }

  #add(y: CalendarYear): void {
    for (const d of y.daysOff) this.#off.add(d);
    for (const d of y.workingWeekends) this.#working.add(d);
  }

  /** Whether the production calendar of the date's year is known (not projected, not plain weekends). */
  covers(date: IsoDate): boolean {
    return this.#years.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: IsoDate): boolean {
    const override = this.#overrides.get(date);
    if (override) return override === 'working';
    if (this.#beyond) {
      const year = Number(date.slice(0, 4));
      if (!this.#years.has(year) && !this.#projected.has(year)) {
        this.#projected.add(year);
        this.#add(this.#beyond(year));
      }
    }
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
