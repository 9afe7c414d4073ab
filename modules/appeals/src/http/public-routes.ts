import { municipalityParam, uuidSchema, type TypedApp } from '@zemstvo/http';
import { notFound } from '@zemstvo/kernel';
import { z } from 'zod';
import { listReports, type PublicReport } from '../application/read-lists.ts';
import { reportOut, reportsQuery } from './schemas.ts';

const tags = ['reports'];

const feature = (r: PublicReport) => ({
  type: 'Feature' as const,
  id: r.id,
  geometry: { type: 'Point' as const, coordinates: [r.location!.lon, r.location!.lat] as [number, number] },
  properties: {
    status: r.status,
    category: r.category.code,
    categoryTitle: r.category.title,
    service: r.service,
    text: r.text,
    receivedAt: r.receivedAt.toISOString(),
  },
});

type ReportsQuery = ReturnType<(typeof reportsQuery)['parse']>;
const filterOf = ({ status, ...q }: ReportsQuery) => ({ ...q, statuses: status });

/** The public map of reports: only public reports of public packages, personal data masked. */
export function publicRoutes(app: TypedApp): void {
  app.get(
    '/m/:municipality/reports',
    {
      schema: {
        tags,
        summary:
          'Public reports (map): status, category, point, masked text; bbox=minLon,minLat,maxLon,maxLat',
        params: municipalityParam,
        querystring: reportsQuery,
        response: {
          200: z.object({
            items: z.array(reportOut),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (req) => req.useCase((ctx) => listReports(ctx, filterOf(req.query))),
  );

  app.get(
    '/m/:municipality/reports.geojson',
    {
      schema: {
        tags,
        summary: 'Public reports as a GeoJSON FeatureCollection (reports with a point)',
        params: municipalityParam,
        querystring: reportsQuery,
      },
    },
    async (req, reply) => {
      const page = await req.useCase((ctx) => listReports(ctx, filterOf(req.query)));
      return reply.type('application/geo+json; charset=utf-8').send(
        JSON.stringify({
          type: 'FeatureCollection',
          features: page.items.filter((r) => r.location).map(feature),
          total: page.total,
        }),
      );
    },
  );

  app.get(
    '/m/:municipality/reports/:id',
    {
      schema: {
        tags,
        summary: 'One public report',
        params: municipalityParam.extend({ id: uuidSchema }),
        response: { 200: reportOut },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const page = await listReports(ctx, { id: req.params.id, limit: 1, offset: 0 });
        if (!page.items[0]) throw notFound('Report', 'report_not_found');
        return page.items[0];
      }),
  );
}
