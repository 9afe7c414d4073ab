import type { IsoDate } from '../dates.ts';

/**
 * One year of a production calendar: the exceptions to "Monday–Friday work, Saturday–Sunday rest".
 * Labour Code of the Russian Federation, Art. 112: the public holidays, and the rule that a
 * holiday falling on a weekend moves the day off to the next working day (except the January
 * holidays, whose weekend days the Government moves by its yearly decree).
 */
export interface CalendarYear {
  year: number;
  /** `official`: from a published decree; `draft`: projected, to be confirmed by an operator. */
  status: 'official' | 'draft';
  source: string;
  /** Monday–Friday dates that are days off (holidays and transferred days off). */
  daysOff: readonly IsoDate[];
  /** Saturday/Sunday dates that are working days (transferred working days). */
  workingWeekends: readonly IsoDate[];
  /** Pre-holiday days shortened by one hour (Art. 95); working days all the same. */
  shortDays: readonly IsoDate[];
}
