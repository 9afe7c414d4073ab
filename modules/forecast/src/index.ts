/**
 * Forecast of incoming volume per group (category, theme, district…) and week, with prediction
 * intervals, a rolling-origin back-test against the seasonal-naive forecast, and spike detection.
 */
export {
  forecastGroups,
  TOTAL_GROUP,
  type GroupForecast,
  type GroupForecastOptions,
  type GroupForecastResult,
} from './forecast-groups.ts';
export {
  forecastWeeks,
  seasonalNaiveWeeks,
  type WeekForecast,
  type WeeklyForecastOptions,
} from './weekly-forecast.ts';
export {
  backtest,
  profileCache,
  type BacktestResult,
  type BacktestOptions,
  type ErrorScore,
} from './backtest.ts';
export { fitDampedHolt, holtForecast, holtVariance, type HoltFit, type HoltParams } from './damped-holt.ts';
export { estimateDayProfile, weekFactor, dayFactor, FLAT_PROFILE, type DayProfile } from './day-profile.ts';
export {
  dailyCounts,
  completeWeeks,
  sumSeries,
  weekStart,
  dateRange,
  type DailySeries,
  type WeeklySeries,
} from './days.ts';
export {
  findSpikes,
  recentSpikes,
  DEFAULT_SPIKE_OPTIONS,
  type Spike,
  type ExpectedCount,
  type RecentSpikesOptions,
} from './spikes.ts';
export { historicalRussianCalendar, ru2020, ru2021 } from './calendar-history.ts';
export { normalQuantile, studentQuantile } from './normal.ts';

export {
  getForecast,
  FORECAST_LEVEL,
  type ForecastView,
  type GroupForecastView,
} from './application/get-forecast.ts';
export { scanSpikes, SPIKE_SIGNAL_SOURCE, type ScanResult } from './application/scan-spikes.ts';
export { forecastInstallHook, scheduleSpikeScan, SPIKE_SCAN_JOB } from './application/spike-job.ts';
export { forecastPermissions } from './permissions.ts';
export { createForecastModule, forecastMigrations } from './module.ts';
