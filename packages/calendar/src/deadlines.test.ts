import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { russianProductionCalendar } from './data/ru.ts';
import { addDays, daysBetween } from './dates.ts';
import { computeDeadline, DeadlineExtensionError, extendDeadline, type DeadlineRule } from './deadlines.ts';
import { fz59, FZ59_MAX_EXTENSION_DAYS } from './fz59.ts';
import { WorkingCalendar } from './working-calendar.ts';

const cal = new WorkingCalendar(russianProductionCalendar);
const dateIn2025to2027 = fc.integer({ min: 0, max: 3 * 365 - 40 }).map((n) => addDays('2025-01-01', n));

describe('59-FZ deadlines', () => {
  it('answer: 30 days from registration (Art. 12 p.1), a day off moves back to the previous working day', () => {
    expect(computeDeadline(fz59.answer, '2026-01-12', cal).due).toBe('2026-02-11'); // Wednesday
    // 2025-10-02 + 30 = 2025-11-01, a worked Saturday: stays.
    expect(computeDeadline(fz59.answer, '2025-10-02', cal).due).toBe('2025-11-01');
    // 2025-10-04 + 30 = 2025-11-03 (day off), 11-02 Sunday → Saturday 11-01 is a working day.
    expect(computeDeadline(fz59.answer, '2025-10-04', cal).due).toBe('2025-11-01');
    // 2025-12-06 + 30 = 2026-01-05 (New Year holidays) → 2025-12-30.
    expect(computeDeadline(fz59.answer, '2025-12-06', cal).due).toBe('2025-12-30');
    expect(computeDeadline(fz59.answer, '2026-01-12', cal)).toMatchObject({
      ruleCode: 'fz59.answer',
      ruleVersion: 1,
    });
  });

  it('registration within 3 days of receipt (Art. 8 p.2) never falls before the receipt', () => {
    expect(computeDeadline(fz59.registration, '2025-12-31', cal).due).toBe('2026-01-12');
    expect(computeDeadline(fz59.registration, '2026-02-18', cal).due).toBe('2026-02-20');
  });

  it('property: a calendar-day deadline lands on the last working day of the period, never before the start', () => {
    fc.assert(
      fc.property(
        dateIn2025to2027,
        fc.constantFrom(fz59.answer, fz59.redirect, fz59.unreadableNotice, fz59.registration),
        (start, rule) => {
          const { due } = computeDeadline(rule, start, cal);
          const end = addDays(start, rule.days);
          expect(cal.isWorkingDay(due)).toBe(true);
          expect(due >= start).toBe(true);
          if (due <= end) {
            // The latest working day on or before the end of the period.
            expect(cal.workingDaysBetween(due, end)).toBe(0);
          } else {
            // Only when the whole period is days off: the first working day after it.
            expect(cal.workingDaysBetween(addDays(start, -1), end)).toBe(0);
            expect(due).toBe(cal.onOrAfter(end));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: a working-day deadline is exactly n working days later and on a working day', () => {
    fc.assert(
      fc.property(dateIn2025to2027, fc.integer({ min: 1, max: 20 }), (start, days) => {
        const rule: DeadlineRule = { ...fz59.answer, code: 'x', unit: 'working', days };
        const { due } = computeDeadline(rule, start, cal);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(cal.workingDaysBetween(start, due)).toBe(days);
      }),
      { numRuns: 500 },
    );
  });

  it('property: an extension (Art. 12 p.2) never exceeds 30 days and never shortens the deadline', () => {
    fc.assert(
      fc.property(dateIn2025to2027, fc.integer({ min: 1, max: 30 }), (registered, days) => {
        const first = computeDeadline(fz59.answer, registered, cal);
        const ext = extendDeadline(fz59.answer, { due: first.due, extensions: 0 }, days, cal);
        expect(daysBetween(first.due, ext.due)).toBeLessThanOrEqual(FZ59_MAX_EXTENSION_DAYS);
        expect(ext.due >= first.due).toBe(true);
        expect(cal.isWorkingDay(ext.due)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a second extension and one longer than 30 days', () => {
    expect(() => extendDeadline(fz59.answer, { due: '2026-02-11', extensions: 1 }, 10, cal)).toThrow(
      DeadlineExtensionError,
    );
    expect(() => extendDeadline(fz59.answer, { due: '2026-02-11', extensions: 0 }, 31, cal)).toThrow(
      /at most 30/,
    );
    expect(() => extendDeadline(fz59.answer, { due: '2026-02-11', extensions: 0 }, 0, cal)).toThrow(
      DeadlineExtensionError,
    );
  });
});
