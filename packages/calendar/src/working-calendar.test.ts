import { describe, expect, it } from 'vitest';
import { projectedRussianYear } from './data/ru-projected.ts';
import { russianProductionCalendar, ru2025, ru2026, ru2027 } from './data/ru.ts';
import { addDays, weekday } from './dates.ts';
import { computeDeadline } from './deadlines.ts';
import { fz59 } from './fz59.ts';
import { russianWorkingCalendar } from './russian-calendar.ts';
import { WorkingCalendar } from './working-calendar.ts';

const cal = new WorkingCalendar(russianProductionCalendar);

function workingDaysIn(year: number, c = cal): number {
  let n = 0;
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (c.isWorkingDay(d)) n++;
  return n;
}

describe('Russian production calendar', () => {
  it('has the official number of working days (five-day week)', () => {
    expect(workingDaysIn(2025)).toBe(247); // Decree No. 1335: 247 working, 118 days off
    expect(workingDaysIn(2026)).toBe(247);
  });

  it('knows transfers: worked Saturday 1 Nov 2025, day off Friday 2 May 2025, 9 Jan 2026', () => {
    expect(cal.isWorkingDay('2025-11-01')).toBe(true);
    expect(cal.isWorkingDay('2025-11-03')).toBe(false);
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.isWorkingDay('2026-01-09')).toBe(false);
    expect(cal.isWorkingDay('2026-01-12')).toBe(true);
    expect(cal.isWorkingDay('2026-03-09')).toBe(false);
  });

  it('lists days off only on weekdays and working weekends only on weekends', () => {
    for (const y of [ru2025, ru2026, ru2027]) {
      for (const d of y.daysOff) expect([1, 2, 3, 4, 5], d).toContain(weekday(d));
      for (const d of y.workingWeekends) expect([0, 6], d).toContain(weekday(d));
      for (const d of [...y.daysOff, ...y.workingWeekends]) expect(d.startsWith(String(y.year))).toBe(true);
    }
  });

  it('lets operator overrides win (a regional holiday, a worked Saturday)', () => {
    const c = new WorkingCalendar(russianProductionCalendar, [
      { date: '2026-04-15', kind: 'off' },
      { date: '2026-01-09', kind: 'working' },
    ]);
    expect(c.isWorkingDay('2026-04-15')).toBe(false);
    expect(c.isWorkingDay('2026-01-09')).toBe(true);
    expect(workingDaysIn(2026, c)).toBe(247);
  });

  it('counts and adds working days', () => {
    expect(cal.addWorkingDays('2025-12-30', 1)).toBe('2026-01-12');
    expect(cal.workingDaysBetween('2025-12-30', '2026-01-12')).toBe(1);
    expect(cal.onOrBefore('2026-01-05')).toBe('2025-12-30');
    expect(cal.onOrAfter('2026-01-05')).toBe('2026-01-12');
    expect(cal.covers('2027-06-01')).toBe(true);
    expect(cal.covers('2031-06-01')).toBe(false);
  });
});

describe('a year the production calendar does not know yet (2028 on)', () => {
  const russian = russianWorkingCalendar();

  it('is projected from Art. 112 TK RF: holidays, and a weekend holiday moves to the next working day', () => {
    expect(projectedRussianYear(2028).daysOff).toEqual([
      '2028-01-03',
      '2028-01-04',
      '2028-01-05',
      '2028-01-06',
      '2028-01-07',
      '2028-02-23',
      '2028-03-08',
      '2028-05-01',
      '2028-05-09',
      '2028-06-12',
      '2028-11-06', // 4 November is a Saturday
    ]);
    // The projection of a shipped year keeps every day off of its decree but the decree's own transfers.
    const decreeOnly = ['2027-11-05', '2027-12-31'];
    expect(projectedRussianYear(2027).daysOff).toEqual(ru2027.daysOff.filter((d) => !decreeOnly.includes(d)));
  });

  it('computes 59-FZ deadlines over the projection, says the year is not covered, and lets overrides win', () => {
    expect(russian.covers('2028-01-03')).toBe(false);
    expect(russian.isWorkingDay('2028-01-03')).toBe(false);
    expect(russian.isWorkingDay('2028-11-06')).toBe(false);
    expect(russian.isWorkingDay('2028-11-07')).toBe(true);
    // Registered on 4 December 2027: day 30 is Monday 3 January 2028, a holiday; back over the weekend
    // and 31 December (a day off in the 2027 calendar) to Thursday 30 December.
    expect(computeDeadline(fz59.answer, '2027-12-04', russian).due).toBe('2027-12-30');
    // Plain weekends would have kept the holiday as the due date.
    expect(computeDeadline(fz59.answer, '2027-12-04', cal).due).toBe('2028-01-03');
    const withOverride = russianWorkingCalendar([{ date: '2028-01-03', kind: 'working' }]);
    expect(withOverride.isWorkingDay('2028-01-03')).toBe(true);
    expect(withOverride.isWorkingDay('2028-01-04')).toBe(false);
    // Years it knows are not projected.
    expect(russian.isWorkingDay('2027-11-05')).toBe(false);
    expect(russian.isWorkingDay('2027-11-13')).toBe(true);
  });
});
