import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localInstant, russianProductionCalendar, WorkingCalendar } from '@zemstvo/calendar';
import { escalationTime, reminderTime, workingDaysBefore } from './control-dates.ts';

const cal = new WorkingCalendar(russianProductionCalendar);
const MSK = 'Europe/Moscow';

describe('control dates', () => {
  it('counts working days back over weekends and holidays', () => {
    // 9 March 2026 (Monday) is a day off: 8 March falls on a Sunday.
    expect(workingDaysBefore(cal, '2026-03-11', 3)).toBe('2026-03-05');
    expect(workingDaysBefore(cal, '2026-03-20', 3)).toBe('2026-03-17');
    // A due date on a day off counts from the working day before it.
    expect(workingDaysBefore(cal, '2026-03-08', 0)).toBe('2026-03-06');
    // Across the New Year holidays of 2026 (1–11 January).
    expect(workingDaysBefore(cal, '2026-01-13', 2)).toBe('2025-12-30');
  });

  it('places reminders and escalations at 09:00 in the municipality’s time zone', () => {
    expect(localInstant('2026-03-02', { hour: 9, minute: 0 }, MSK).toISOString()).toBe(
      '2026-03-02T06:00:00.000Z',
    );
    expect(localInstant('2026-07-01', { hour: 9, minute: 0 }, 'Asia/Yekaterinburg').toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
    expect(reminderTime(cal, '2026-03-11', 3, MSK).toISOString()).toBe('2026-03-05T06:00:00.000Z');
    expect(escalationTime('2026-03-11', MSK).toISOString()).toBe('2026-03-12T06:00:00.000Z');
  });

  it('a reminder always falls on a working day, before the escalation, never after the due date', () => {
    const dates = fc.integer({ min: 0, max: 365 * 2 }).map((n) => addDays('2025-06-01', n));
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 10 }), (due, n) => {
        const day = workingDaysBefore(cal, due, n);
        expect(cal.isWorkingDay(day)).toBe(true);
        expect(day <= due).toBe(true);
        expect(cal.workingDaysBetween(day, cal.onOrBefore(due))).toBe(n);
        expect(reminderTime(cal, due, n, MSK).getTime()).toBeLessThan(escalationTime(due, MSK).getTime());
      }),
    );
  });
});
