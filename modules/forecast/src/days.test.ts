import { describe, expect, it } from 'vitest';
import { completeWeeks, dailyCounts, dateRange, sumSeries, weekStart } from './days.ts';

describe('days and weeks', () => {
  it('weeks start on Monday', () => {
    expect(weekStart('2021-01-31')).toBe('2021-01-25'); // Sunday
    expect(weekStart('2021-01-25')).toBe('2021-01-25'); // Monday
    expect(weekStart('2021-01-01')).toBe('2020-12-28'); // Friday
  });

  it('counts events per group and day over one window, with zeros for quiet days', () => {
    const { from, to, groups } = dailyCounts([
      { date: '2021-01-03', group: 'b' },
      { date: '2021-01-01', group: 'a' },
      { date: '2021-01-01', group: 'a' },
      { date: '2021-01-04', group: 'a' },
    ]);
    expect([from, to]).toEqual(['2021-01-01', '2021-01-04']);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.counts).toEqual([2, 0, 0, 1]);
    expect(groups.get('b')!.counts).toEqual([0, 0, 1, 0]);
    expect(sumSeries([...groups.values()]).counts).toEqual([2, 0, 1, 1]);
  });

  it('keeps only complete Monday–Sunday weeks', () => {
    // Sunday 18 October 2020 to Wednesday 4 November 2020: two complete weeks.
    const days = dateRange('2020-10-18', '2020-11-04');
    const w = completeWeeks({ from: days[0]!, counts: days.map((_, i) => i) });
    expect(w.weeks).toEqual(['2020-10-19', '2020-10-26']);
    expect(w.totals).toEqual([1 + 2 + 3 + 4 + 5 + 6 + 7, 8 + 9 + 10 + 11 + 12 + 13 + 14]);
  });
});
