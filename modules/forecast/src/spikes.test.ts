import { describe, expect, it } from 'vitest';
import { dateRange } from './days.ts';
import { findSpikes, recentDayBands, recentSpikes } from './spikes.ts';
import { backtest } from './backtest.ts';
import { historicalRussianCalendar } from './calendar-history.ts';
import { eventsOf, randomSource } from './testing/synthetic.ts';

const from = '2021-02-01';
const days = dateRange(from, '2021-05-30');

function flat(seed: number, perDay: number): number[] {
  const r = randomSource(seed);
  return days.map(() => r.poisson(perDay));
}

describe('spike detection', () => {
  it('finds a day far above its forecast, and only that day', () => {
    const counts = flat(3, 20);
    const spikeDay = days.length - 3;
    counts[spikeDay] = 80;
    const spikes = recentSpikes(eventsOf('Кровля', from, counts), {
      unit: 'day',
      window: 7,
      level: 0.99,
      minExcess: 3,
    });
    expect(spikes.map((s) => s.period)).toEqual([days[spikeDay]]);
    expect(spikes[0]).toMatchObject({ group: 'Кровля', unit: 'day', count: 80 });
    expect(spikes[0]!.forecast).toBeGreaterThan(12);
    expect(spikes[0]!.forecast).toBeLessThan(30);
  });

  it('gives each of the last days its band, up to a given day: days without events count 0', () => {
    const counts = flat(5, 20);
    const last = days.at(-1)!;
    const bands = recentDayBands(eventsOf('Двор', from, counts), {
      window: 7,
      level: 0.99,
      until: '2021-06-02',
    }).get('Двор')!;
    expect(bands.map((b) => b.period)).toEqual(dateRange('2021-05-27', '2021-06-02'));
    expect(bands.slice(0, 4).map((b) => b.count)).toEqual(counts.slice(-4));
    expect(last).toBe('2021-05-30');
    for (const b of bands.slice(4)) expect(b.count).toBe(0);
    for (const b of bands) {
      expect(b.forecast).toBeGreaterThan(10);
      expect(b.hi).toBeGreaterThan(b.forecast);
    }
    // Ordinary days stay within the band; the quiet days after the last event are below it.
    expect(bands.filter((b) => b.count > b.hi)).toEqual([]);
  });

  it('finds a week far above its forecast', () => {
    const counts = flat(4, 20);
    for (let i = days.length - 7; i < days.length; i++) counts[i] = counts[i]! + 25;
    const spikes = recentSpikes(eventsOf('Фасад', from, counts), {
      unit: 'week',
      window: 2,
      level: 0.99,
      minExcess: 3,
    });
    expect(spikes.map((s) => [s.unit, s.period])).toEqual([['week', '2021-05-24']]);
  });

  it('stays quiet on an ordinary series and ignores tiny excesses', () => {
    expect(
      recentSpikes(eventsOf('Подвалы', from, flat(8, 20)), {
        unit: 'day',
        window: 14,
        level: 0.99,
        minExcess: 3,
      }),
    ).toEqual([]);
    const expected = [{ period: '2021-03-01', forecast: 0.2, hi: 1.5, sd: 0.5 }];
    expect(findSpikes('x', 'day', new Map([['2021-03-01', 3]]), expected, { minExcess: 3 })).toEqual([]);
    expect(findSpikes('x', 'day', new Map([['2021-03-01', 5]]), expected, { minExcess: 3 })).toHaveLength(1);
  });
});

describe('back-test against the seasonal-naive forecast', () => {
  it('the trend model beats "same as last week" on a trending series', () => {
    const r = randomSource(9);
    const counts = days.map((_, i) => r.poisson(20 + i * 0.5));
    const series = { from, counts };
    const result = backtest('x', series, series, {
      horizon: 4,
      minTrainWeeks: 8,
      level: 0.9,
      calendar: historicalRussianCalendar(),
    });
    expect(result.model.mae).toBeLessThan(result.naive.mae);
    expect(result.model.mase).toBeLessThan(result.naive.mase);
  });
});
