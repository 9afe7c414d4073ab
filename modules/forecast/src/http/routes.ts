import type { ServiceRegistry } from '@zemstvo/catalog';
import { requirePermission, type TypedApp } from '@zemstvo/http';
import { cachedForecast, forecastCache } from '../application/cached-forecast.ts';
import { listSpikes } from '../application/list-spikes.ts';
import { scanSpikes } from '../application/scan-spikes.ts';
import { forecastOut, forecastQuery, municipalityParam, scanOut, spikesOut, spikesQuery } from './schemas.ts';

const tags = ['forecast'];

/** The weekly forecast of incoming appeals, the spikes found, and the on-demand spike scan. */
export function forecastRoutes(
  app: TypedApp,
  registry: ServiceRegistry,
  installation: { publicUrl: string },
): void {
  const cache = forecastCache();
  app.get(
    '/m/:municipality/forecast',
    {
      preHandler: requirePermission('forecast.view'),
      schema: {
        tags,
        summary:
          'Weekly forecast of incoming appeals per category (or service) with 90 % intervals, and its back-test (MAE, MASE) against the seasonal-naive forecast',
        description:
          'History: complete Monday–Sunday weeks of the last `weeks_back` weeks (local days of the municipality). A group with fewer than `min_weeks` complete weeks since its first appeal has `status: insufficient_history` and no forecast. The answer is computed once per query, hour and data version of the municipality (any audited change moves it); `computed_at` says when.',
        params: municipalityParam,
        querystring: forecastQuery,
        response: { 200: forecastOut },
      },
    },
    async (req) =>
      req.useCase((ctx) =>
        cachedForecast(
          ctx,
          registry,
          {
            by: req.query.by,
            horizon: req.query.horizon,
            weeksBack: req.query.weeks_back,
            service: req.query.service,
          },
          cache,
        ),
      ),
  );

  app.get(
    '/m/:municipality/forecast/spikes',
    {
      preHandler: requirePermission('forecast.view'),
      schema: {
        tags,
        summary:
          'Spikes of incoming appeals found in the municipality, newest first, with their signal documents',
        params: municipalityParam,
        querystring: spikesQuery,
        response: { 200: spikesOut },
      },
    },
    async (req) => req.useCase((ctx) => listSpikes(ctx, registry, req.query.limit)),
  );

  app.post(
    '/m/:municipality/forecast/spikes/scan',
    {
      preHandler: requirePermission('forecast.scan'),
      schema: {
        tags,
        summary:
          'Scan the last days for spikes now (the daily job does the same); each new spike opens one monitoring-signal document for the responsible department',
        params: municipalityParam,
        response: { 200: scanOut },
      },
    },
    async (req) => req.useCase((ctx) => scanSpikes(ctx, registry, installation.publicUrl)),
  );
}
