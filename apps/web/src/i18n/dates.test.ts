import { describe, expect, it } from 'vitest';
import { daysUntil, formatDate, formatDateTime } from './dates.ts';

describe('dates in the interface', () => {
  it('shows a due day as that day in either language, whatever the time zone', () => {
    expect(formatDate('2026-03-02', 'ru')).toBe('2 марта 2026 г.');
    expect(formatDate('2026-03-02', 'en')).toBe('March 2, 2026');
  });

  it('has a compact form for tables', () => {
    expect(formatDate('2026-03-02', 'ru', 'medium')).toBe('2 мар. 2026 г.');
    expect(formatDateTime('2026-03-02T11:05:00Z', 'ru', 'short')).toMatch(/^02\.03\.2026, \d{2}:05$/);
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  it('counts calendar days to a due day, negative when overdue', () => {
    const today = new Date(2026, 2, 1, 23, 30);
    expect(daysUntil('2026-03-02', today)).toBe(1);
    expect(daysUntil('2026-03-01', today)).toBe(0);
    expect(daysUntil('2026-02-27', today)).toBe(-2);
  });
});
