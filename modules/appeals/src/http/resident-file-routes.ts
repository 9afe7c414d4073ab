import { z } from 'zod';
import {
  documentsRepo,
  readUploadedFiles,
  sendFile,
  signedFile,
  stageUpload,
  uploadLimits,
  withMultipart,
  type StagedUpload,
} from '@zemstvo/documents';
import { municipalityParam, requireUser, uuidSchema, type Services, type TypedApp } from '@zemstvo/http';
import { notFound } from '@zemstvo/kernel';
import { getMyAppeal } from '../application/read-lists.ts';
import { residentHistory } from '../domain/resident-history.ts';
import { anonymousIntakeLimiter, type IntakeRateLimit } from './rate-limit.ts';
import { residentParams } from './schemas.ts';

const stagedOut = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
});

/** Checked before the body is read: the cabinet is for signed-in users only. */
const signedIn = async (req: Parameters<typeof requireUser>[0]) => void requireUser(req);

/**
 * The resident's side around an appeal: photos uploaded while the intake form is filled in (their
 * ids go in the form's files fields and the intake claims them), the signed answer downloaded from
 * the cabinet, and the appeal's history as the applicant may see it.
 */
export async function residentFileRoutes(
  app: TypedApp,
  services: Services,
  limit: IntakeRateLimit,
): Promise<void> {
  const throttle = anonymousIntakeLimiter(services.clock, limit);
  await withMultipart(app, (scope) => {
    scope.post(
      '/m/:municipality/appeals/uploads',
      {
        onRequest: throttle,
        schema: {
          tags: ['appeals'],
          summary:
            'Upload photos or files for an appeal being written (multipart); put the returned ids in the form’s files field',
          description:
            'Checked by content like any attachment (type, size, archives). An upload waits a day to be claimed by the appeal that names it, by the same caller. Anonymous callers are throttled per IP.',
          consumes: ['multipart/form-data'],
          params: municipalityParam,
          response: { 201: z.object({ items: z.array(stagedOut) }) },
        },
      },
      async (req, reply) => {
        const { files } = await readUploadedFiles(req, uploadLimits).catch((e: unknown) => {
          reply.header('connection', 'close'); // the rest of a refused body is not worth reading
          throw e;
        });
        const items = await req.useCase(async (ctx) => {
          const out: StagedUpload[] = [];
          for (const f of files)
            out.push(await stageUpload(ctx, services.storage, f, { limits: uploadLimits }));
          return out;
        });
        return reply.status(201).send({ items });
      },
    );
  });

  app.get(
    '/me/appeals/:municipality/:id/answers/:answerId/file',
    {
      onRequest: signedIn,
      schema: {
        tags: ['cabinet'],
        summary: 'Download the signed answer (PDF) to one of my appeals',
        params: residentParams.extend({ answerId: uuidSchema }),
      },
    },
    async (req, reply) => {
      const file = await req.useCase(async (ctx) => {
        const appeal = await getMyAppeal(ctx, req.params.id);
        if (!appeal.answers.some((a) => a.id === req.params.answerId))
          throw notFound('Answer', 'answer_not_found');
        return signedFile(ctx, services.storage, req.params.answerId);
      });
      return sendFile(reply, { bytes: file.bytes, fileName: file.name, mediaType: file.mediaType });
    },
  );

  app.get(
    '/me/appeals/:municipality/:id/history',
    {
      onRequest: signedIn,
      schema: {
        tags: ['cabinet'],
        summary: 'The history of one of my appeals: its public milestones (no internal work, no staff names)',
        params: residentParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                at: z.date(),
                type: z.string(),
                data: z.record(z.string(), z.union([z.string(), z.number()])),
              }),
            ),
          }),
        },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const appeal = await getMyAppeal(ctx, req.params.id);
        const events = await documentsRepo.events(ctx.tx, ctx.tenant!.municipalityId, appeal.id);
        return { items: residentHistory(events) };
      }),
  );
}
