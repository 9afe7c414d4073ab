import { describe, expect, it } from 'vitest';
import { addDays } from '@zemstvo/calendar';
import { historicalRussianCalendar } from './calendar-history.ts';
import { dayFactor, estimateDayProfile } from './day-profile.ts';
import { completeWeeks, dateRange } from './days.ts';
import { forecastGroups } from './forecast-groups.ts';
import { forecastWeeks } from './weekly-forecast.ts';
import { eventsOf, randomSource } from './testing/synthetic.ts';

const calendar = historicalRussianCalendar();
// A weekly pattern (Monday … Sunday) and days off at 60 % of a normal weekday.
const PATTERN = [1.2, 1.15, 1.1, 1.1, 1.0, 0.7, 0.75];
const OFF = 0.6;

/** Daily Poisson counts, 100 a day on average, with the weekly pattern and the calendar's days off. */
function seasonalDays(from: string, to: string, seed: number, perDay = 100): number[] {
  const r = randomSource(seed);
  const mean = PATTERN.reduce((a, b) => a + b, 0) / 7;
  return dateRange(from, to).map((d) => {
    const wd = (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7;
    const f = wd < 5 && !calendar.isWorkingDay(d) ? OFF : PATTERN[wd]!;
    return r.poisson((perDay * f) / mean);
  });
}

describe('a synthetic seasonal series', () => {
  // 2020-10-19 (Monday) to 2021-03-28: New Year, 23 February and 8 March holidays inside.
  const from = '2020-10-19';
  const counts = seasonalDays(from, '2021-03-28', 11);
  const profile = estimateDayProfile({ from, counts }, calendar);

  it('gives back its weekday pattern and the effect of days off', () => {
    const mean = PATTERN.reduce((a, b) => a + b, 0) / 7;
    profile.weekday.forEach((f, i) =>
      expect(Math.abs(f - PATTERN[i]! / mean), `weekday ${i}`).toBeLessThan(0.05),
    );
    expect(profile.dayOffObserved).toBe(true);
    expect(Math.abs(profile.dayOff - OFF / mean)).toBeLessThan(0.08);
    expect(dayFactor(profile, calendar, '2021-02-23')).toBe(profile.dayOff);
  });

  it('forecasts ordinary weeks at their level and weeks with days off lower', () => {
    // Fit on the weeks up to 7 February 2021; the next weeks hold 22–23 February and 8 March.
    const history = counts.slice(0, dateRange(from, '2021-02-07').length);
    const { weeks } = forecastWeeks(completeWeeks({ from, counts: history }), {
      horizon: 6,
      level: 0.9,
      profile,
      calendar,
    });
    expect(weeks.map((w) => w.weekStart)).toEqual(
      [0, 1, 2, 3, 4, 5].map((k) => addDays('2021-02-08', 7 * k)),
    );
    const byWeek = new Map(weeks.map((w) => [w.weekStart, w.forecast]));
    expect(Math.abs(byWeek.get('2021-02-08')! - 700) / 700).toBeLessThan(0.06);
    // Two weekdays off (22 and 23 February) and one (8 March) take away their share.
    expect(byWeek.get('2021-02-22')!).toBeLessThan(byWeek.get('2021-02-15')! * 0.96);
    expect(byWeek.get('2021-03-08')!).toBeLessThan(byWeek.get('2021-03-01')! * 0.98);
    expect(byWeek.get('2021-03-08')!).toBeGreaterThan(byWeek.get('2021-02-22')!);
  });
});

describe('prediction intervals on synthetic data', () => {
  it('contain the truth at about their nominal rate', () => {
    // Local-level series (the model's own family) with Poisson counts on top; 300 runs of
    // 26 weeks, forecasts 1–4 weeks ahead.
    const r = randomSource(5);
    let inside = 0;
    let n = 0;
    for (let run = 0; run < 300; run++) {
      const weeks: string[] = [];
      const totals: number[] = [];
      let level = 500;
      for (let t = 0; t < 30; t++) {
        level = Math.max(50, level + 25 * r.normal());
        weeks.push(addDays('2019-01-07', 7 * t));
        totals.push(r.poisson(level));
      }
      const { weeks: f } = forecastWeeks(
        { weeks: weeks.slice(0, 26), totals: totals.slice(0, 26) },
        {
          horizon: 4,
          level: 0.9,
          profile: { weekday: [1, 1, 1, 1, 1, 1, 1], dayOff: 1, dayOffObserved: false },
          calendar,
        },
      );
      f.forEach((w, h) => {
        n++;
        if (totals[26 + h]! >= w.lo && totals[26 + h]! <= w.hi) inside++;
      });
    }
    const coverage = inside / n;
    expect(coverage).toBeGreaterThan(0.83);
    expect(coverage).toBeLessThan(0.96);
  });
});

describe('forecastGroups', () => {
  it('forecasts nothing, without failing, when no complete week was observed', () => {
    const result = forecastGroups(eventsOf('Кровля', '2020-11-01', [3, 4]), { horizon: 4, level: 0.9 });
    expect(result.weeksObserved).toBe(0);
    expect(result.forecasts).toEqual([{ group: 'Кровля', weeks: [] }]);
  });

  it('forecasts every group for the weeks after the last complete one and back-tests them', () => {
    const from = '2020-10-19';
    const a = seasonalDays(from, '2021-01-31', 1, 60);
    const b = seasonalDays(from, '2021-01-31', 2, 5);
    const result = forecastGroups([...eventsOf('Благоустройство', from, a), ...eventsOf('Кровля', from, b)], {
      horizon: 12,
      level: 0.9,
      backtest: { horizon: 4, minTrainWeeks: 8 },
    });
    expect(result.forecasts.map((f) => f.group)).toEqual(['Благоустройство', 'Кровля']);
    for (const f of result.forecasts) {
      expect(f.weeks).toHaveLength(12);
      expect(f.weeks[0]!.weekStart).toBe('2021-02-01');
      for (const w of f.weeks) {
        expect(w.lo).toBeLessThanOrEqual(w.forecast);
        expect(w.hi).toBeGreaterThanOrEqual(w.forecast);
        expect(w.lo).toBeGreaterThanOrEqual(0);
      }
    }
    expect(result.backtests.map((b) => b.group)).toEqual(['Благоустройство', 'Кровля', '*']);
    // 15 weeks, origins from the 9th: 7 origins, 4 + 4 + 4 + 4 + 3 + 2 + 1 comparisons.
    expect(result.backtests[0]).toMatchObject({ origins: 7, n: 22 });
  });
});
