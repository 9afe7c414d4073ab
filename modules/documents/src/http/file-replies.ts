import type { FastifyReply } from 'fastify';
import type { StoredFile } from '../application/document-files.ts';
import { contentDisposition } from '../domain/file-names.ts';

/**
 * Sends a stored file: its media type, a safe file name, never cached by shared caches. `inline`
 * files (PDF previews) may be framed by the web app itself, nowhere else.
 */
export function sendFile(
  reply: FastifyReply,
  file: StoredFile,
  disposition: 'inline' | 'attachment',
): FastifyReply {
  reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(disposition, file.name))
    .header('cache-control', 'private, no-store');
  if (disposition === 'inline')
    reply.header('x-frame-options', 'SAMEORIGIN').header('content-security-policy', "frame-ancestors 'self'");
  return reply.send(Buffer.from(file.bytes));
}
