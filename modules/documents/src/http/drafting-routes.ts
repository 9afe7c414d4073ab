import { z } from 'zod';
import { requirePermission, uuidSchema, type TypedApp } from '@zemstvo/http';
import { notFound } from '@zemstvo/kernel';
import type { WorkflowDeps } from '../application/deps.ts';
import { versionFile } from '../application/document-files.ts';
import { createAnswerDraft, saveDraftVersion } from '../application/drafting.ts';
import { documentsRepo } from '../infra/documents.repository.ts';
import { versionsRepo } from '../infra/versions.repository.ts';
import { sendFile } from './file-replies.ts';
import { documentOut } from './routes.ts';
import { docParams, tags } from './schemas.ts';

const fieldsSchema = z
  .record(
    z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,40}$/, 'placeholder names: lowercase latin letters, digits, underscores'),
    z.string().max(20_000),
  )
  .refine((r) => Object.keys(r).length <= 40, 'at most 40 fields');
const answerText = z.string().trim().min(1).max(50_000);

export const versionOut = z.object({
  documentId: z.string(),
  version: z.number(),
  templateCode: z.string().nullable(),
  locale: z.string(),
  fields: z.record(z.string(), z.string()),
  body: z.string(),
  pdfSha256: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  comment: z.string().nullable(),
});
const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });

/** Drafting the answer from a package template: versions, their DOCX and PDF, the preview. */
export function draftingRoutes(app: TypedApp, deps: WorkflowDeps): void {
  app.post(
    '/m/:municipality/documents/:id/answer',
    {
      preHandler: requirePermission('document.execute'),
      schema: {
        tags,
        summary:
          'The executor drafts the answer to an incoming document from a template (version 1 rendered to DOCX and PDF)',
        params: docParams,
        body: z.object({
          templateCode: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
          serviceSlug: z
            .string()
            .regex(/^[a-z][a-z0-9-]{1,62}$/)
            .optional(),
          locale: z.enum(['ru', 'en']).default('ru'),
          text: answerText,
          signatoryUserId: uuidSchema.optional(),
          fields: fieldsSchema.optional(),
        }),
        response: { 201: z.object({ document: documentOut, version: versionOut }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.useCase((ctx) => createAnswerDraft(ctx, deps, req.params.id, req.body))),
  );

  app.post(
    '/m/:municipality/documents/:id/versions',
    {
      preHandler: requirePermission('document.execute'),
      schema: {
        tags,
        summary:
          'Save the edited draft as a new version (rendered again); a returned draft becomes a draft again',
        params: docParams,
        body: z.object({
          text: answerText,
          fields: fieldsSchema.optional(),
          comment: z.string().trim().max(2000).optional(),
        }),
        response: { 201: versionOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.useCase((ctx) => saveDraftVersion(ctx, deps, req.params.id, req.body))),
  );

  app.get(
    '/m/:municipality/documents/:id/versions',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'Versions of a draft, oldest first',
        params: docParams,
        response: { 200: z.object({ items: z.array(versionOut) }) },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const m = ctx.tenant!.municipalityId;
        if (!(await documentsRepo.get(ctx.tx, m, req.params.id))) throw notFound('Document');
        return { items: await versionsRepo.list(ctx.tx, m, req.params.id) };
      }),
  );

  const download = (
    format: 'docx' | 'pdf',
    disposition: 'inline' | 'attachment',
    summary: string,
    path: string,
  ) =>
    app.get(
      path,
      {
        preHandler: requirePermission('document.view'),
        schema: { tags, summary, params: docParams, querystring: versionQuery },
      },
      async (req, reply) => {
        const file = await req.useCase((ctx) =>
          versionFile(ctx, deps.storage, req.params.id, format, req.query.version),
        );
        return sendFile(reply, file, disposition);
      },
    );
  download(
    'docx',
    'attachment',
    'Download a version’s DOCX (latest unless ?version=N)',
    '/m/:municipality/documents/:id/docx',
  );
  download(
    'pdf',
    'attachment',
    'Download a version’s PDF (latest unless ?version=N)',
    '/m/:municipality/documents/:id/pdf',
  );
  download(
    'pdf',
    'inline',
    'Preview a version’s PDF in the browser (latest unless ?version=N)',
    '/m/:municipality/documents/:id/preview',
  );
}
