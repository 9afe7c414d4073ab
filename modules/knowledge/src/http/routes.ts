import type { ServiceRegistry } from '@zemstvo/catalog';
import { municipalityParam, requirePermission, type Services, type TypedApp } from '@zemstvo/http';
import { unauthorized } from '@zemstvo/kernel';
import { municipalityScope, workplaceScope } from '../application/scope.ts';
import { searchDocuments } from '../application/search.ts';
import { mergeDuplicate } from '../application/merge-duplicate.ts';
import { findDuplicates, reportSupporters, similarDocuments, supportReport } from '../application/similar.ts';
import {
  draftReportIn,
  duplicatesOut,
  idParams,
  mergeIn,
  mergeOut,
  searchOut,
  searchQuery,
  similarOut,
  supportOut,
} from './schemas.ts';

const tags = ['knowledge'];

/** Search, similar documents, duplicates of a draft report, and support of a public report. */
export function knowledgeRoutes(app: TypedApp, services: Services, registry: ServiceRegistry): void {
  app.get(
    '/m/:municipality/search',
    {
      schema: {
        tags,
        summary:
          'Full-text search (stemming per municipality, typo tolerance, facets, masked snippets): staff with document.view see all documents, residents their own appeals and public reports, anyone public reports',
        params: municipalityParam,
        querystring: searchQuery,
        response: { 200: searchOut },
      },
    },
    async (req) =>
      req.useCase(async (ctx) =>
        searchDocuments(ctx, registry, await municipalityScope(ctx, registry, req.abilities), req.query),
      ),
  );

  app.get(
    '/search',
    {
      schema: {
        tags,
        summary:
          'Full-text search across the municipalities where the caller holds document.view, and the caller’s own appeals',
        querystring: searchQuery,
        response: { 200: searchOut },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw unauthorized();
      return req.useCase(async (ctx) =>
        searchDocuments(ctx, registry, await workplaceScope(ctx, services.permissions), req.query),
      );
    },
  );

  app.get(
    '/m/:municipality/documents/:id/similar',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'The ten most similar documents of the municipality, with scores',
        params: idParams,
        response: { 200: similarOut },
      },
    },
    async (req) => req.useCase((ctx) => similarDocuments(ctx, req.params.id)),
  );

  app.post(
    '/m/:municipality/appeals/duplicates',
    {
      schema: {
        tags,
        summary:
          'Open public reports of the same category within the service’s duplicate radius (default 250 m) that may describe a draft report, nearest and most similar first; personal data masked',
        params: municipalityParam,
        body: draftReportIn,
        response: { 200: duplicatesOut },
      },
    },
    async (req) => req.useCase((ctx) => findDuplicates(ctx, registry, req.body)),
  );

  app.post(
    '/m/:municipality/appeals/:id/merge',
    {
      preHandler: requirePermission('appeal.status'),
      schema: {
        tags,
        summary:
          'Merge a repeated appeal into the one it repeats: it is closed as a duplicate, its files are linked to the original, its applicant becomes a supporter of the original and is notified; both histories record it',
        params: idParams,
        body: mergeIn,
        response: { 200: mergeOut },
      },
    },
    async (req) => req.useCase((ctx) => mergeDuplicate(ctx, req.params.id, req.body)),
  );

  app.get(
    '/m/:municipality/reports/:id/support',
    {
      schema: {
        tags,
        summary: 'How many residents support a public report, and whether the caller does',
        params: idParams,
        response: { 200: supportOut },
      },
    },
    async (req) => req.useCase((ctx) => reportSupporters(ctx, registry, req.params.id)),
  );

  for (const [method, support] of [
    ['POST', true],
    ['DELETE', false],
  ] as const)
    app.route({
      method,
      url: '/m/:municipality/reports/:id/support',
      schema: {
        tags,
        summary: support
          ? 'Support a public report (“me too”) instead of filing it again'
          : 'Withdraw the caller’s support of a report',
        params: idParams,
        response: { 200: supportOut },
      },
      handler: async (req) => {
        if (req.actor.kind !== 'user') throw unauthorized();
        return req.useCase((ctx) => supportReport(ctx, registry, req.params.id, support));
      },
    });
}
