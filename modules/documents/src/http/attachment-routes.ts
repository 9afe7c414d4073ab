import { z } from 'zod';
import { requirePermission, uuidSchema, type Services, type TypedApp } from '@zemstvo/http';
import { validateUpload, type ValidatedUpload } from '@zemstvo/storage';
import {
  addLink,
  addValidatedAttachments,
  documentForAttachments,
  getAttachmentFile,
  listAttachments,
} from '../application/attachments.ts';
import type { AttachmentRow } from '../infra/attachments.repository.ts';
import { readUploadedFiles, sendFile, uploadLimits, withMultipart } from './attachment-upload.ts';
import { docParams, tags } from './schemas.ts';

export const attachmentOut = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(['photo', 'audio', 'file', 'text', 'link']),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

/** The public shape of an attachment (the storage key stays inside). */
export const toAttachmentOut = (a: AttachmentRow): z.infer<typeof attachmentOut> => ({
  id: a.id,
  documentId: a.documentId,
  kind: a.kind,
  fileName: a.fileName,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  url: a.url,
  createdBy: a.createdBy,
  createdAt: a.createdAt,
});

const attachmentParams = docParams.extend({ attachmentId: uuidSchema });

/**
 * Attachments of a document for staff who may see it: list, upload (multipart, checked by content),
 * attach a link, download. Residents download their own appeals' files through the appeals module,
 * which uses `getAttachmentFile` and `sendFile`.
 */
export async function attachmentRoutes(app: TypedApp, services: Services): Promise<void> {
  app.get(
    '/m/:municipality/documents/:id/attachments',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'Attachments of a document (files and links)',
        params: docParams,
        response: { 200: z.object({ items: z.array(attachmentOut) }) },
      },
    },
    async (req) => ({
      items: (await req.useCase((ctx) => listAttachments(ctx, req.params.id))).map(toAttachmentOut),
    }),
  );

  app.get(
    '/m/:municipality/documents/:id/attachments/:attachmentId',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'Download an attachment (`?disposition=inline` shows images, PDF, audio and text in place)',
        params: attachmentParams,
        querystring: z.object({ disposition: z.enum(['attachment', 'inline']).default('attachment') }),
      },
    },
    async (req, reply) => {
      const { attachment, bytes } = await req.useCase((ctx) =>
        getAttachmentFile(ctx, services.storage, req.params.id, req.params.attachmentId),
      );
      return sendFile(
        reply,
        { bytes, fileName: attachment.fileName, mediaType: attachment.mediaType },
        req.query.disposition === 'inline',
      );
    },
  );

  app.post(
    '/m/:municipality/documents/:id/attachments/links',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'Attach a web link (http or https) to a document',
        params: docParams,
        body: z
          .object({ url: z.string().trim().min(1).max(2000), title: z.string().trim().max(300).optional() })
          .strict(),
        response: { 201: attachmentOut },
      },
    },
    async (req, reply) => {
      const row = await req.useCase((ctx) => addLink(ctx, req.params.id, req.body));
      return reply.status(201).send(toAttachmentOut(row));
    },
  );

  await withMultipart(app, (scope) => {
    scope.post(
      '/m/:municipality/documents/:id/attachments',
      {
        preHandler: requirePermission('document.view'),
        schema: {
          tags,
          summary:
            'Attach files to a document: multipart/form-data, one or more file parts. Checked by content: photos (JPEG, PNG, WebP, HEIC), PDF, DOCX, ODT, text, audio (MP3, OGG, M4A); size limits per kind',
          consumes: ['multipart/form-data'],
          params: docParams,
          response: { 201: z.object({ items: z.array(attachmentOut) }) },
        },
      },
      async (req, reply) => {
        // Before reading a byte of the body: the document exists here and may still take files.
        await req.useCase((ctx) => documentForAttachments(ctx, req.params.id));
        const { files } = await readUploadedFiles(req, uploadLimits).catch((e: unknown) => {
          reply.header('connection', 'close'); // the rest of a refused body is not worth reading
          throw e;
        });
        const validated: ValidatedUpload[] = [];
        for (const f of files) validated.push(await validateUpload(f, { limits: uploadLimits }));
        const rows = await req.useCase((ctx) =>
          addValidatedAttachments(ctx, services.storage, req.params.id, validated),
        );
        return reply.status(201).send({ items: rows.map(toAttachmentOut) });
      },
    );
  });
}
