import { addDays, weekday, type IsoDate } from '../dates.ts';
import type { CalendarYear } from './types.ts';

/** Labour Code of the Russian Federation, Art. 112 p.1: the non-working public holidays (MM-DD). */
const NEW_YEAR_HOLIDAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08'];
const OTHER_HOLIDAYS = ['02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];

const isWeekend = (d: IsoDate): boolean => weekday(d) === 0 || weekday(d) === 6;

/**
 * A year the shipped production calendar does not know yet, projected from the law alone: the
 * public holidays of Art. 112 p.1 TK RF, and Art. 112 p.2: a holiday on a Saturday or Sunday moves
 * the day off to the next working day, except the New Year holidays (1–8 January), whose weekend
 * days the Government moves by its yearly decree to dates the law does not name. So the projection
 * may lack a day or two off that the decree will add; the operator adds them as overrides
 * (`PUT /api/calendar/overrides/:date`) until the year ships in `russianProductionCalendar`.
 */
export function projectedRussianYear(year: number): CalendarYear {
  const daysOff = new Set<IsoDate>();
  for (const md of NEW_YEAR_HOLIDAYS) {
    const d = `${year}-${md}`;
    if (!isWeekend(d)) daysOff.add(d);
  }
  for (const md of OTHER_HOLIDAYS) {
    const d = `${year}-${md}`;
    if (!isWeekend(d)) {
      daysOff.add(d);
      continue;
    }
    let next = addDays(d, 1);
    while (isWeekend(next) || daysOff.has(next)) next = addDays(next, 1);
    daysOff.add(next);
  }
  return {
    year,
    status: 'draft',
    source: 'Проекция по ст. 112 ТК РФ без постановления Правительства о переносе выходных дней',
    daysOff: [...daysOff].sort(),
    workingWeekends: [],
    shortDays: [],
  };
}
