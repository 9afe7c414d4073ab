import { z } from 'zod';
import {
  municipalityParam,
  requirePermission,
  uuidSchema,
  type Services,
  type TypedApp,
} from '@zemstvo/http';
import { notFound } from '@zemstvo/kernel';
import { documentsRepo, journalsRepo } from '../infra/documents.repository.ts';

const tags = ['documents'];

export const documentOut = z.object({
  id: z.string(),
  direction: z.string(),
  kind: z.string(),
  status: z.string(),
  regNumber: z.string().nullable(),
  regDate: z.date().nullable(),
  title: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  authorOrg: z.string().nullable(),
  addressee: z.string().nullable(),
  sourceChannel: z.string(),
  parentId: z.string().nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export async function documentRoutes(app: TypedApp, _services: Services): Promise<void> {
  app.get(
    '/m/:municipality/journals',
    {
      preHandler: requirePermission('document.view'),
      schema: { tags, summary: 'Registration journals', params: municipalityParam },
    },
    async (req) => ({
      items: await req.useCase((ctx) => journalsRepo.list(ctx.tx, ctx.tenant!.municipalityId)),
    }),
  );

  app.get(
    '/m/:municipality/documents/:id',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'A document with its whole history and the documents that answer it',
        params: municipalityParam.extend({ id: uuidSchema }),
        response: {
          200: z.object({
            document: documentOut,
            history: z.array(
              z.object({
                at: z.date(),
                actor: z.string(),
                type: z.string(),
                data: z.record(z.string(), z.unknown()),
              }),
            ),
            children: z.array(documentOut),
          }),
        },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const m = ctx.tenant!.municipalityId;
        const document = await documentsRepo.get(ctx.tx, m, req.params.id);
        if (!document) throw notFound('Document');
        const events = await documentsRepo.events(ctx.tx, m, document.id);
        return {
          document,
          history: events.map((e) => ({ at: e.at, actor: e.actorLabel, type: e.type, data: e.data })),
          children: await documentsRepo.children(ctx.tx, m, document.id),
        };
      }),
  );
}
