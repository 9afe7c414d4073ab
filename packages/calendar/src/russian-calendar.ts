import { projectedRussianYear } from './data/ru-projected.ts';
import { russianProductionCalendar } from './data/ru.ts';
import type { CalendarYear } from './data/types.ts';
import { WorkingCalendar, type CalendarOverride } from './working-calendar.ts';

/**
 * The calendar of Russian deadlines: the shipped production calendar (and any `extraYears`, e.g.
 * historic ones for an import), the operator's overrides, and for a year it does not know yet the
 * projection from Art. 112 TK RF (`projectedRussianYear`), never plain weekends: a deadline of
 * January 2028 must still skip the New Year holidays.
 */
export function russianWorkingCalendar(
  overrides: readonly CalendarOverride[] = [],
  extraYears: readonly CalendarYear[] = [],
): WorkingCalendar {
  return new WorkingCalendar([...extraYears, ...russianProductionCalendar], overrides, {
    beyond: projectedRussianYear,
  });
}
