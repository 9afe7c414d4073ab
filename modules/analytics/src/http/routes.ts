import { ResultCache } from '@zemstvo/audit';
import type { ServiceRegistry } from '@zemstvo/catalog';
import { municipalityParam, requirePermission, type Services, type TypedApp } from '@zemstvo/http';
import { listCases } from '../application/cases.ts';
import { cityScore } from '../application/cityscore.ts';
import { dashboard } from '../application/dashboard.ts';
import { exportReport } from '../application/export-report.ts';
import { heatmap } from '../application/heatmap.ts';
import { regionRollup } from '../application/rollup.ts';
import { effectiveTargets, setTargets } from '../application/targets.ts';
import {
  casesOut,
  casesQuery,
  cityscoreOut,
  cityscoreQuery,
  dashboardOut,
  dashboardQuery,
  heatmapOut,
  heatmapQuery,
  regionParams,
  reportIn,
  reportOut,
  rollupOut,
  rollupQuery,
  targetsIn,
  targetsOut,
} from './schemas.ts';

const tags = ['analytics'];
const FILTERS =
  'Filters: from/to (local days, inclusive; default the last 30 days), category, theme, district, executor (user id or organisation), department (id or organisation), service (instance id).';

/** Dashboards, drill-down, heat map, CityScore and its targets, report export, region roll-up. */
export function analyticsRoutes(app: TypedApp, services: Services, registry: ServiceRegistry): void {
  const view = requirePermission('analytics.view');
  const cache = new ResultCache();

  app.get(
    '/m/:municipality/analytics/dashboard',
    {
      preHandler: view,
      schema: {
        tags,
        summary: `Dashboard of appeals received in a range: KPIs, series by day/week/month, breakdowns by category, theme, district, executor and department, answer-time histogram. ${FILTERS}`,
        params: municipalityParam,
        querystring: dashboardQuery,
        response: { 200: dashboardOut },
      },
    },
    async (req) => req.useCase((ctx) => dashboard(ctx, registry, req.query, cache)),
  );

  app.get(
    '/m/:municipality/analytics/cases',
    {
      preHandler: view,
      schema: {
        tags,
        summary: `Drill-down: the cases behind a slice (bucket: all, open, overdue, answered, on_time, late, rejected, rated; minDays/maxDays: answer time), newest first, paginated. ${FILTERS}`,
        params: municipalityParam,
        querystring: casesQuery,
        response: { 200: casesOut },
      },
    },
    async (req) => req.useCase((ctx) => listCases(ctx, registry, req.query)),
  );

  app.get(
    '/m/:municipality/analytics/heatmap',
    {
      preHandler: view,
      schema: {
        tags,
        summary: `Heat map: cases with a place counted per grid cell of \`cell\` degrees (default 0.01), at most 5000 densest cells. ${FILTERS}`,
        params: municipalityParam,
        querystring: heatmapQuery,
        response: { 200: heatmapOut },
      },
    },
    async (req) => req.useCase((ctx) => heatmap(ctx, req.query)),
  );

  app.get(
    '/m/:municipality/analytics/cityscore',
    {
      preHandler: view,
      schema: {
        tags,
        summary:
          'CityScore of a day (default today) per department and overall: on-time share, median answer days, satisfaction and backlog against targets for the day, week, month and quarter; score > 1 is above target',
        params: municipalityParam,
        querystring: cityscoreQuery,
        response: { 200: cityscoreOut },
      },
    },
    async (req) => req.useCase((ctx) => cityScore(ctx, req.query)),
  );

  app.get(
    '/m/:municipality/analytics/targets',
    {
      preHandler: view,
      schema: {
        tags,
        summary: 'The CityScore targets in force (the municipality’s own, else the defaults)',
        params: municipalityParam,
        response: { 200: targetsOut },
      },
    },
    async (req) => req.useCase((ctx) => effectiveTargets(ctx)),
  );

  app.put(
    '/m/:municipality/analytics/targets',
    {
      preHandler: requirePermission('analytics.manage'),
      schema: {
        tags,
        summary: 'Set the municipality’s CityScore targets (audited)',
        params: municipalityParam,
        body: targetsIn,
        response: { 200: targetsOut },
      },
    },
    async (req) => req.useCase((ctx) => setTargets(ctx, req.body)),
  );

  app.post(
    '/m/:municipality/analytics/reports',
    {
      preHandler: requirePermission('analytics.export'),
      schema: {
        tags,
        summary:
          'Export a dashboard or a drill-down list as an internal document (registered in the analytical reports journal) with the DOCX or PDF attached; the file downloads through the attachment routes',
        params: municipalityParam,
        body: reportIn,
        response: { 201: reportOut },
      },
    },
    async (req, reply) => {
      const out = await req.useCase((ctx) => exportReport(ctx, registry, services.storage, req.body));
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/regions/:region/analytics/rollup',
    {
      schema: {
        tags,
        summary:
          'Region roll-up: KPIs of appeals received in a range per municipality of the region and in total; regional users of that region and platform operators',
        params: regionParams,
        querystring: rollupQuery,
        response: { 200: rollupOut },
      },
    },
    async (req) => req.useCase((ctx) => regionRollup(ctx, { region: req.params.region, ...req.query })),
  );
}
