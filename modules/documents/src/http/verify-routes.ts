import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { TypedApp } from '@zemstvo/http';
import { AppError, badRequest, isAppError, notFound } from '@zemstvo/kernel';
import type { FastifyRequest } from 'fastify';
import type { WorkflowDeps } from '../application/deps.ts';
import { answerByDownloadToken } from '../application/document-files.ts';
import { verifyFile, verifyHash } from '../application/verify-signature.ts';
import { sendFile } from './file-replies.ts';

/** The largest file the verification accepts (signed answers are far smaller). */
export const MAX_VERIFY_BYTES = 25 * 1024 * 1024;
const RAW_TYPES = ['application/pdf', 'application/octet-stream'];

const verificationOut = z.union([
  z.object({ valid: z.literal(false), sha256: z.string() }),
  z.object({
    valid: z.literal(true),
    sha256: z.string(),
    method: z.string(),
    signer: z.string(),
    position: z.string().nullable(),
    signedAt: z.date(),
    municipality: z.string().nullable(),
    municipalityEn: z.string().nullable(),
    documentNumber: z.string().nullable(),
  }),
]);

/** The bytes of the file to verify: the raw body, or the one file of a multipart form. */
async function uploadedBytes(req: FastifyRequest): Promise<Uint8Array> {
  if (Buffer.isBuffer(req.body)) return req.body;
  if (!req.isMultipart())
    throw new AppError(
      'unsupported_media_type',
      'Send the file as application/pdf, application/octet-stream or multipart/form-data',
      415,
    );
  try {
    const file = await req.file();
    if (!file) throw badRequest('file_required', 'The form has no file');
    return await file.toBuffer();
  } catch (e) {
    if (isAppError(e)) throw e;
    const status = (e as { statusCode?: number }).statusCode;
    if (status === 413)
      throw new AppError('payload_too_large', `The file is larger than ${MAX_VERIFY_BYTES} bytes`, 413);
    throw badRequest('bad_multipart', 'The multipart form could not be read');
  }
}

/**
 * Public, no login: anyone holding a signed file checks it (63-FZ Art. 5 p.2 simple signature:
 * the SHA-256 of the exact bytes), and an applicant downloads the signed answer by the link of
 * their e-mail. Registered in a scope of their own: the raw-body and multipart parsers stay here.
 */
export async function verifyRoutes(app: TypedApp, deps: WorkflowDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      RAW_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_VERIFY_BYTES },
      (_req, body, done) => done(null, body),
    );
    await scope.register(multipart, {
      limits: { fileSize: MAX_VERIFY_BYTES, files: 1, fields: 10, parts: 12, headerPairs: 100 },
    });

    scope.post(
      '/verify',
      {
        bodyLimit: MAX_VERIFY_BYTES,
        schema: {
          tags: ['verification'],
          summary:
            'Verify a signed file (raw application/pdf or application/octet-stream body, or multipart with one file)',
          description:
            'No login. `{ valid: false }` for a file that no municipality signed (or changed by a single byte).',
          response: { 200: verificationOut },
        },
      },
      async (req) => {
        const bytes = await uploadedBytes(req);
        return req.useCase((ctx) => verifyFile(ctx.tx, bytes));
      },
    );
  });

  app.get(
    '/verify/:sha256',
    {
      schema: {
        tags: ['verification'],
        summary: 'Verify by the SHA-256 (hex) of a signed file',
        params: z.object({
          sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'SHA-256 as 64 hexadecimal digits'),
        }),
        response: { 200: verificationOut },
      },
    },
    async (req) => req.useCase((ctx) => verifyHash(ctx.tx, req.params.sha256)),
  );

  app.get(
    '/answers/:token',
    {
      schema: {
        tags: ['verification'],
        summary: 'The signed answer behind the download link of an applicant’s e-mail',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a download link token') }),
      },
    },
    async (req, reply) => {
      const file = await req.useCase((ctx) => answerByDownloadToken(ctx.tx, deps.storage, req.params.token));
      if (!file) throw notFound('Answer');
      return sendFile(reply, file, 'attachment');
    },
  );
}
