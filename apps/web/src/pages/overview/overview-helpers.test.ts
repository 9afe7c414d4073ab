import { describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../api/calendar.ts';
import { monthsOf, yearParam } from './calendar-days.ts';
import { RUSSIAN_TIME_ZONES, timeZoneChoices, timeZoneLabel } from './time-zones.ts';

const year2028: CalendarYear = {
  year: 2028,
  covered: false,
  workingDays: 0,
  daysOff: ['2028-01-03', '2028-03-08'],
  workingWeekends: ['2028-01-08'],
  overrides: [
    {
      date: '2028-01-08',
      kind: 'working',
      note: 'перенос',
      updatedBy: null,
      updatedAt: '2027-12-01T00:00:00Z',
    },
  ],
};

describe('month grids of the calendar page', () => {
  const months = monthsOf(year2028);
  const days = months.flatMap((m) => m.weeks.flat()).filter((d) => d !== null);

  it('has twelve months, Monday-first weeks of seven, and every day of a leap year once', () => {
    expect(months).toHaveLength(12);
    for (const m of months) for (const w of m.weeks) expect(w).toHaveLength(7);
    expect(days).toHaveLength(366);
    // 1 January 2028 is a Saturday: five empty cells before it.
    expect(months[0]!.weeks[0]!.slice(0, 6).map((d) => d?.day ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      1,
    ]);
  });

  it('marks days off, weekends, worked weekends and the overrides with their note', () => {
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2028-01-03')?.kind).toBe('off');
    expect(byDate.get('2028-01-04')?.kind).toBe('working');
    expect(byDate.get('2028-01-09')?.kind).toBe('weekend');
    expect(byDate.get('2028-01-08')).toMatchObject({
      kind: 'working-weekend',
      override: { kind: 'working', note: 'перенос' },
    });
    expect(byDate.get('2028-03-08')?.override).toBeNull();
  });

  it('takes the year from the address only when the API accepts it', () => {
    expect(yearParam('2028', 2026)).toBe(2028);
    for (const bad of [null, '', '1999', '2101', '20x8', '02028']) expect(yearParam(bad, 2026)).toBe(2026);
  });
});

describe('time zone choices', () => {
  it('offers Russia west to east, and keeps a current zone from elsewhere selectable', () => {
    expect(timeZoneChoices('Europe/Moscow')).toEqual([...RUSSIAN_TIME_ZONES]);
    expect(timeZoneChoices('Europe/Berlin').at(-1)).toBe('Europe/Berlin');
    expect(RUSSIAN_TIME_ZONES[0]).toBe('Europe/Kaliningrad');
    expect(RUSSIAN_TIME_ZONES.at(-1)).toBe('Asia/Anadyr');
  });

  it('labels a zone with its offset, and an unknown one by its name', () => {
    expect(timeZoneLabel('Asia/Vladivostok', new Date('2026-06-01T00:00:00Z'))).toBe(
      'Asia/Vladivostok (UTC+10)',
    );
    expect(timeZoneLabel('Mars/Olympus')).toBe('Mars/Olympus');
  });
});
