import type { IsoDate, WorkingCalendar } from '@zemstvo/calendar';
import { backtest, profileCache, type BacktestResult } from './backtest.ts';
import { historicalRussianCalendar } from './calendar-history.ts';
import { estimateDayProfile, type DayProfile } from './day-profile.ts';
import { completeWeeks, dailyCounts, sumSeries } from './days.ts';
import { forecastWeeks, type WeekForecast } from './weekly-forecast.ts';

/** Forecasts of weekly volume for every group (category, theme, district…) of dated events. */
export interface GroupForecastOptions {
  /** Weeks ahead. */
  horizon: number;
  /** Nominal coverage of the intervals. */
  level: number;
  calendar?: WorkingCalendar;
  /** Also back-test (rolling origin, 1…`horizon` weeks ahead, from `minTrainWeeks` weeks of history). */
  backtest?: { horizon: number; minTrainWeeks: number };
}

export interface GroupForecast {
  group: string;
  weeks: WeekForecast[];
}

export interface GroupForecastResult {
  /** The observation window (first and last event date). */
  window: { from: IsoDate; to: IsoDate };
  /** Complete weeks the models were fitted on. */
  weeksObserved: number;
  profile: DayProfile;
  forecasts: GroupForecast[];
  /** Per group, then the total of all groups (named `*`). */
  backtests: BacktestResult[];
}

export const TOTAL_GROUP = '*';

export function forecastGroups(
  events: Iterable<{ date: IsoDate; group: string }>,
  options: GroupForecastOptions,
): GroupForecastResult {
  const calendar = options.calendar ?? historicalRussianCalendar();
  const { from, to, groups } = dailyCounts(events);
  const total = sumSeries([...groups.values()]);
  const profile = estimateDayProfile(total, calendar);
  const forecasts: GroupForecast[] = [];
  for (const [group, series] of groups) {
    const { weeks } = forecastWeeks(completeWeeks(series), {
      horizon: options.horizon,
      level: options.level,
      profile,
      calendar,
    });
    forecasts.push({ group, weeks });
  }
  const backtests: BacktestResult[] = [];
  if (options.backtest) {
    const o = {
      ...options.backtest,
      level: options.level,
      calendar,
      profileAt: profileCache(total, calendar),
    };
    for (const [group, series] of groups) backtests.push(backtest(group, series, total, o));
    if (groups.size > 0) backtests.push(backtest(TOTAL_GROUP, total, total, o));
  }
  return {
    window: { from, to },
    weeksObserved: completeWeeks(total).weeks.length,
    profile,
    forecasts,
    backtests,
  };
}
