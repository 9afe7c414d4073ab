import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypedApp } from '@zemstvo/http';
import { AppError, isAppError } from '@zemstvo/kernel';
import {
  contentDisposition,
  largestFileBytes,
  uploadLimitsFromEnv,
  type UploadInput,
  type UploadLimits,
} from '@zemstvo/storage';

/**
 * Multipart uploads for routes that receive files (attachments here; the appeals intake's uploads
 * and Open311 media use the same helpers). Limits hold while the request streams in: no file may
 * pass the largest per-kind limit, all files together the request limit, and no more files than
 * allowed; each file is then checked by content (`validateUpload`).
 */
export const uploadLimits: UploadLimits = uploadLimitsFromEnv(process.env);

/**
 * Registers @fastify/multipart in an encapsulated scope and calls `routes` in it, so only the routes
 * declared there accept multipart bodies (several modules can do this side by side).
 */
export async function withMultipart(
  app: TypedApp,
  routes: (scope: TypedApp) => void | Promise<void>,
  limits: UploadLimits = uploadLimits,
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: largestFileBytes(limits),
        files: limits.filesPerRequest,
        fields: 20,
        fieldSize: 10_000,
        parts: limits.filesPerRequest + 20,
        headerPairs: 50,
      },
      throwFileSizeLimit: true,
      // Keep the name as sent: a path (`../../etc/passwd`) is refused, not quietly cut to `passwd`.
      preservePath: true,
    });
    await routes(scope as unknown as TypedApp);
  });
}

const MULTIPART_LIMIT_CODES: Record<string, [string, string]> = {
  FST_FILES_LIMIT: ['too_many_files', 'Too many files in one request'],
  FST_PARTS_LIMIT: ['too_many_parts', 'Too many parts in the multipart request'],
  FST_FIELDS_LIMIT: ['too_many_fields', 'Too many fields in the multipart request'],
  FST_REQ_FILE_TOO_LARGE: ['file_too_large', 'A file is larger than any upload may be'],
};

/**
 * Reads the files of a multipart request (any field name), with the limits enforced while
 * streaming. Text fields are returned too (small ones only). Throws `multipart_expected` (415),
 * `file_too_large` / `request_too_large` / `too_many_files` (413), `bad_multipart`, `no_files` (400).
 */
export async function readUploadedFiles(
  req: FastifyRequest,
  limits: UploadLimits = uploadLimits,
  opts: { requireFiles?: boolean } = {},
): Promise<{ files: UploadInput[]; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('multipart_expected', 'Send files as multipart/form-data', 415);
  const files: UploadInput[] = [];
  const fields: Record<string, string> = {};
  let total = 0;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limits.requestBytes)
          throw new AppError(
            'request_too_large',
            `All files together may be at most ${Math.floor(limits.requestBytes / 1048576)} MB`,
            413,
            {
              maxBytes: limits.requestBytes,
            },
          );
        chunks.push(chunk);
      }
      if (part.file.truncated)
        throw new AppError(
          'file_too_large',
          `A file may be at most ${Math.floor(largestFileBytes(limits) / 1048576)} MB`,
          413,
          {
            fileName: part.filename,
            maxBytes: largestFileBytes(limits),
          },
        );
      files.push({ bytes: new Uint8Array(Buffer.concat(chunks)), fileName: part.filename });
    }
  } catch (e) {
    throw asUploadError(e);
  }
  if ((opts.requireFiles ?? true) && files.length === 0)
    throw new AppError('no_files', 'The request has no file', 400);
  return { files, fields };
}

function asUploadError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const code = (e as { code?: string }).code;
  const mapped = code ? MULTIPART_LIMIT_CODES[code] : undefined;
  if (mapped) return new AppError(mapped[0], mapped[1], 413);
  return new AppError('bad_multipart', 'The multipart body is malformed', 400);
}

/** Types a browser may show in place (with `?disposition=inline`); anything else is a download. */
const INLINE_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'text/plain',
  'audio/mpeg',
  'audio/ogg',
  'audio/mp4',
]);

/**
 * Sends file bytes safely: the stored (content-detected) type, `nosniff`, a Content-Disposition no
 * name can break, a CSP that lets nothing run (PDF excepted: browsers refuse to show a sandboxed
 * PDF), no shared caching. `inline` only for types a browser shows without running anything.
 */
export function sendFile(
  reply: FastifyReply,
  file: { bytes: Uint8Array; fileName: string; mediaType: string },
  inline = false,
): FastifyReply {
  const showInline = inline && INLINE_TYPES.has(file.mediaType);
  const type = file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType;
  const pdf = file.mediaType === 'application/pdf';
  return (
    reply
      .header('content-type', type)
      .header('content-length', String(file.bytes.length))
      .header('content-disposition', contentDisposition(file.fileName, showInline))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header(
        'content-security-policy',
        pdf
          ? "default-src 'none'; frame-ancestors 'self'"
          : "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
      )
      // A PDF preview may be framed by the app itself (the case page); nothing else is framed.
      .header('x-frame-options', pdf ? 'SAMEORIGIN' : 'DENY')
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength))
  );
}
