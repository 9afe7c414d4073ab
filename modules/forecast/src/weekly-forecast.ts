import { addDays, type IsoDate, type WorkingCalendar } from '@zemstvo/calendar';
import { fitDampedHolt, holtForecast, holtVariance, type HoltFit } from './damped-holt.ts';
import { weekFactor, type DayProfile } from './day-profile.ts';
import type { WeeklySeries } from './days.ts';
import { studentQuantile } from './normal.ts';

/**
 * The weekly forecast of one series: the weekly totals are divided by their calendar factor
 * (a week with holidays is expected to be quieter), a damped-trend Holt model is fitted to the
 * adjusted totals, and its forecasts are multiplied back by the factors of the weeks ahead.
 * Intervals: Student's t (the residual variance is estimated from a few weeks) with the model's
 * h-step variance, never narrower than Poisson noise (variance ≥ mean), cut at 0.
 */
export interface WeekForecast {
  weekStart: IsoDate;
  forecast: number;
  lo: number;
  hi: number;
  /** Standard deviation of the forecast error. */
  sd: number;
}

export interface WeeklyForecastOptions {
  horizon: number;
  /** Nominal coverage of the prediction interval, e.g. 0.9. */
  level: number;
  profile: DayProfile;
  calendar: WorkingCalendar;
}

export function forecastWeeks(
  series: WeeklySeries,
  options: WeeklyForecastOptions,
): { fit: HoltFit; weeks: WeekForecast[] } {
  const { profile, calendar } = options;
  const adjusted = series.totals.map((y, i) => y / weekFactor(profile, calendar, series.weeks[i]!));
  const fit = fitDampedHolt(adjusted);
  const means = holtForecast(fit, options.horizon);
  const variances = holtVariance(fit, options.horizon);
  const z = studentQuantile((1 + options.level) / 2, fit.dof);
  const last = series.weeks.at(-1);
  if (last === undefined) return { fit, weeks: [] };
  const weeks = means.map((m, k) => {
    const weekStart = addDays(last, 7 * (k + 1));
    const f = weekFactor(profile, calendar, weekStart);
    const forecast = Math.max(0, m * f);
    const sd = Math.sqrt(Math.max(variances[k]! * f * f, forecast));
    return { weekStart, forecast, lo: Math.max(0, forecast - z * sd), hi: forecast + z * sd, sd };
  });
  return { fit, weeks };
}

/**
 * The seasonal-naive forecast the model is compared with. With four months of history the yearly
 * season is out of reach; the season that is there is the week: each day is forecast by the same
 * weekday of the last observed week, which, summed over a week, is the last complete week's total.
 */
export function seasonalNaiveWeeks(series: WeeklySeries, horizon: number): number[] {
  const last = series.totals.at(-1) ?? 0;
  return Array.from({ length: horizon }, () => last);
}
