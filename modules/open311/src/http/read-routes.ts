import type { ServiceRegistry } from '@zemstvo/catalog';
import type { Services, TypedApp } from '@zemstvo/http';
import { AppError } from '@zemstvo/kernel';
import { findRequests, installedServices, resolveJurisdiction } from '../application/read-model.ts';
import { requestSearch } from '../domain/request-query.ts';
import { listServices, resolveService, serviceDefinition } from '../domain/services.ts';
import { open311TokensRepo } from '../infra/tokens.repository.ts';
import { open311Refusal } from './errors.ts';
import { sendOpen311, type Open311Format } from './render.ts';
import {
  discoveryQuery,
  requestIdParams,
  requestsQuery,
  serviceCodeParams,
  servicesQuery,
  tokenParams,
} from './schemas.ts';

export const FORMATS: readonly Open311Format[] = ['json', 'xml'];
const tags = ['open311'];
const REQUESTS_XML = { root: 'service_requests', item: 'request' };
/** When this API's description last changed (GeoReport v2 discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-01-15T00:00:00Z';
export const SPECIFICATION_URL = 'http://wiki.open311.org/GeoReport_v2';

const localeOf = (q: { locale?: 'ru' | 'en' | undefined }) => q.locale ?? 'ru';
const notFound = (what: string) => new AppError('not_found', `${what} provided was not found`, 404);

/** Discovery, services, service definitions, requests, tokens: the methods that only read. */
export function readRoutes(app: TypedApp, services: Services, registry: ServiceRegistry): void {
  for (const format of FORMATS) {
    app.get(
      `/discovery.${format}`,
      {
        schema: { tags, summary: `GeoReport v2 service discovery (${format})`, querystring: discoveryQuery },
      },
      async (req, reply) => {
        const municipality = req.query.jurisdiction_id
          ? (await req.useCase((ctx) => resolveJurisdiction(ctx.tx, req.query.jurisdiction_id!))).municipality
          : null;
        const en = localeOf(req.query) === 'en';
        const base = services.config.publicUrl.replace(/\/$/, '');
        const contact = municipality ? `${en ? municipality.nameEn : municipality.nameRu}: ${base}` : base;
        return sendOpen311(
          reply,
          format,
          200,
          { root: 'discovery', item: null },
          {
            changeset: OPEN311_CHANGESET,
            contact,
            key_service: en
              ? 'API keys are issued by the municipality administrator: an API token with the permission appeal.submit (Zemstvo → API tokens).'
              : 'Ключ API выдаёт администратор муниципалитета: API-токен с разрешением appeal.submit (Земство → API-токены).',
            endpoints: [
              {
                specification: SPECIFICATION_URL,
                url: `${base}/open311/v2`,
                changeset: OPEN311_CHANGESET,
                type: 'production',
                formats: ['text/xml', 'application/json'],
              },
            ],
          },
        );
      },
    );

    app.get(
      `/services.${format}`,
      { schema: { tags, summary: `Services of a jurisdiction (${format})`, querystring: servicesQuery } },
      async (req, reply) => {
        const list = await req.useCase(async (ctx) => {
          const j = await resolveJurisdiction(ctx.tx, req.query.jurisdiction_id);
          return listServices(
            await installedServices(ctx.tx, j.municipality.id, registry),
            localeOf(req.query),
          );
        });
        return sendOpen311(
          reply,
          format,
          200,
          { root: 'services', item: 'service' },
          list.map((s) => ({ ...s })),
        );
      },
    );

    app.get(
      `/services/:service_code.${format}`,
      {
        schema: {
          tags,
          summary: `Service definition: its attributes (${format})`,
          params: serviceCodeParams,
          querystring: servicesQuery,
        },
      },
      async (req, reply) => {
        const definition = await req.useCase(async (ctx) => {
          const j = await resolveJurisdiction(ctx.tx, req.query.jurisdiction_id);
          const installed = await installedServices(ctx.tx, j.municipality.id, registry);
          const service = resolveService(installed, req.params.service_code);
          if (!service) throw notFound('service_code');
          return serviceDefinition(service, localeOf(req.query));
        });
        return sendOpen311(
          reply,
          format,
          200,
          { root: 'service_definition', item: null },
          {
            service_code: definition.service_code,
            attributes: definition.attributes.map((a) => ({
              ...a,
              values: a.values?.map((v) => ({ ...v })),
            })),
          },
        );
      },
    );

    app.get(
      `/requests.${format}`,
      {
        schema: {
          tags,
          summary: `Service requests with the standard filters (${format})`,
          querystring: requestsQuery,
        },
      },
      async (req, reply) => {
        const list = await req.useCase(async (ctx) => {
          const j = await resolveJurisdiction(ctx.tx, req.query.jurisdiction_id);
          const parsed = requestSearch(req.query, ctx.clock.now());
          if ('problems' in parsed) throw open311Refusal(400, 'bad_request', parsed.problems);
          return findRequests(ctx.tx, registry, j, parsed.search, localeOf(req.query));
        });
        return sendOpen311(
          reply,
          format,
          200,
          REQUESTS_XML,
          list.map((r) => ({ ...r })),
        );
      },
    );

    app.get(
      `/requests/:service_request_id.${format}`,
      {
        schema: {
          tags,
          summary: `One service request (${format})`,
          params: requestIdParams,
          querystring: servicesQuery,
        },
      },
      async (req, reply) => {
        const list = await req.useCase(async (ctx) => {
          const j = await resolveJurisdiction(ctx.tx, req.query.jurisdiction_id);
          const parsed = requestSearch(
            { service_request_id: req.params.service_request_id },
            ctx.clock.now(),
          );
          const found =
            'search' in parsed
              ? await findRequests(ctx.tx, registry, j, parsed.search, localeOf(req.query))
              : [];
          if (found.length !== 1) throw notFound('service_request_id');
          return found;
        });
        return sendOpen311(
          reply,
          format,
          200,
          REQUESTS_XML,
          list.map((r) => ({ ...r })),
        );
      },
    );

    app.get(
      `/tokens/:token.${format}`,
      {
        schema: {
          tags,
          summary: `The request id a token stands for (${format})`,
          params: tokenParams,
          querystring: servicesQuery,
        },
      },
      async (req, reply) => {
        const found = await req.useCase(async (ctx) => {
          const j = await resolveJurisdiction(ctx.tx, req.query.jurisdiction_id);
          return open311TokensRepo.byToken(ctx.tx, j.municipality.id, req.params.token);
        });
        if (!found) throw notFound('token');
        return sendOpen311(reply, format, 200, REQUESTS_XML, [
          { service_request_id: found.documentId, token: req.params.token },
        ]);
      },
    );
  }
}
