import { describe, expect, it } from 'vitest';
import { nextScan } from './scan-schedule.ts';

describe('the daily spike scan schedule', () => {
  it('runs later today before six in the morning (local), else tomorrow', () => {
    expect(nextScan(new Date('2026-11-23T01:00:00Z'), 'Europe/Moscow')).toEqual({
      date: '2026-11-23',
      at: new Date('2026-11-23T03:00:00Z'),
    });
    expect(nextScan(new Date('2026-11-23T03:00:00Z'), 'Europe/Moscow').date).toBe('2026-11-24');
    expect(nextScan(new Date('2026-11-23T22:30:00Z'), 'Europe/Moscow')).toEqual({
      date: '2026-11-24',
      at: new Date('2026-11-24T03:00:00Z'),
    });
  });
});
