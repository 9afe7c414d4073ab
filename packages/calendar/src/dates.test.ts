import { describe, expect, it } from 'vitest';
import { localDate, localInstant } from './dates.ts';

describe('local dates and times of a time zone', () => {
  it('reads the calendar date of an instant where the municipality is', () => {
    const instant = new Date('2026-03-01T21:30:00Z');
    expect(localDate(instant, 'Europe/Moscow')).toBe('2026-03-02');
    expect(localDate(instant, 'Europe/Kaliningrad')).toBe('2026-03-01');
    expect(localDate(instant, 'Asia/Vladivostok')).toBe('2026-03-02');
  });

  it('gives the instant of a wall-clock time on a local date', () => {
    expect(localInstant('2026-11-23', { hour: 6 }, 'Europe/Moscow').toISOString()).toBe(
      '2026-11-23T03:00:00.000Z',
    );
    // Vladivostok is UTC+10: 02:00 there is 16:00 UTC the day before.
    expect(localInstant('2026-11-23', { hour: 2 }, 'Asia/Vladivostok').toISOString()).toBe(
      '2026-11-22T16:00:00.000Z',
    );
    expect(localInstant('2026-11-23', { hour: 9, minute: 30 }, 'UTC').toISOString()).toBe(
      '2026-11-23T09:30:00.000Z',
    );
  });

  it('takes the offset of that very day in a zone with daylight saving', () => {
    // Berlin moves from +1 to +2 at 02:00 on 29 March 2026, from +2 to +1 on 25 October.
    expect(localInstant('2026-03-28', { hour: 9 }, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(localInstant('2026-03-29', { hour: 9 }, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(localInstant('2026-10-25', { hour: 9 }, 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T08:00:00.000Z',
    );
  });
});
