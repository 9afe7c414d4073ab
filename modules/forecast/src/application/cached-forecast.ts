import { ResultCache } from '@zemstvo/audit';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { Ctx } from '@zemstvo/kernel';
import { getForecast, type ForecastQuery, type ForecastView } from './get-forecast.ts';

/**
 * Forecasts kept per running platform. An answer is 20–150 kB (a group per category with a year of
 * weeks, the forecast and the back-test), so 50 stay under ~8 MB; the least recently asked goes first.
 */
export const FORECAST_CACHE_SIZE = 50;

export interface CachedForecastView extends ForecastView {
  /** When this answer was computed; the same answer is served until the data changes or the hour ends. */
  computed_at: Date;
}

export const forecastCache = (): ResultCache => new ResultCache(FORECAST_CACHE_SIZE);

const HOUR_MS = 3_600_000;

/**
 * The forecast of `getForecast`, computed once per municipality, query, hour and data version.
 * The answer moves with the local day (the window ends yesterday, an archive turns `stale` with the
 * days); the key holds the hour (UTC), so a local midnight in any whole-hour time zone — all of
 * Russia's — starts a new key, without the key knowing the zone, for one recomputation an hour.
 * Within it the answer depends only on the appeals, and any audited change of the municipality (an
 * intake, a reclassification, an import batch) moves its data version (`ResultCache` of
 * `@zemstvo/audit`). Appeals written by raw SQL are seen after the next audited change or hour.
 */
export async function cachedForecast(
  ctx: Ctx,
  registry: ServiceRegistry,
  q: ForecastQuery,
  cache: ResultCache,
): Promise<CachedForecastView> {
  const hour = Math.floor(ctx.clock.now().getTime() / HOUR_MS);
  const query = { by: q.by, horizon: q.horizon, weeksBack: q.weeksBack, service: q.service ?? null };
  const key = `forecast:${JSON.stringify({ ...query, hour })}`;
  const { value, computedAt } = await cache.entry(ctx, key, () => getForecast(ctx, registry, q));
  return { ...value, computed_at: computedAt };
}
