import { describe, expect, it } from 'vitest';
import { russianProductionCalendar, ru2025, ru2026, ru2027 } from './data/ru.ts';
import { addDays, weekday } from './dates.ts';
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
