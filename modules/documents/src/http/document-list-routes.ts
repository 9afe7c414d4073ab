import { z } from 'zod';
import { municipalityParam, pageQuery, requirePermission, type TypedApp } from '@zemstvo/http';
import { documentListRepo } from '../infra/document-list.repository.ts';
import { documentOut } from './routes.ts';
import { tags } from './schemas.ts';

/** The municipality's documents, newest first, filtered and paged on the server. */
export function documentListRoutes(app: TypedApp): void {
  app.get(
    '/m/:municipality/documents',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'Documents of the municipality (filters: direction, kind, status, q — title or number)',
        params: municipalityParam,
        querystring: pageQuery.extend({
          direction: z.enum(['incoming', 'outgoing', 'internal']).optional(),
          kind: z
            .string()
            .regex(/^[a-z][a-z0-9_]{1,39}$/)
            .optional(),
          status: z
            .string()
            .regex(/^[a-z_]{2,20}$/)
            .optional(),
          q: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(documentOut), total: z.number() }) },
      },
    },
    async (req) => req.useCase((ctx) => documentListRepo.list(ctx.tx, ctx.tenant!.municipalityId, req.query)),
  );
}
