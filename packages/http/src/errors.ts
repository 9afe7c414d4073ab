import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '@zemstvo/kernel';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const send = (reply: FastifyReply, status: number, code: string, message: string, details?: unknown) => {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
};

// Fastify's own error codes a caller can cause, mapped to our stable codes.
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The request body is empty but JSON was declared'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'This content type is not accepted here'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_content_length', 'Content-Length does not match the body'],
  FST_ERR_BAD_URL: [400, 'bad_url', 'The URL is malformed'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request', 'The request could not be routed'],
};

/** One error shape for every failure: `{ error: { code, message, details } }`, never a stack trace. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: (v.instancePath || '/').replace(/^\//, '').replaceAll('/', '.'),
        where: err.validationContext,
        message: v.message,
      }));
      return send(reply, 400, 'validation_failed', `Invalid ${err.validationContext ?? 'input'}`, details);
    }
    if (isAppError(err)) {
      if (err.status === 429 && err.details && 'retryAfterSeconds' in err.details)
        reply.header('retry-after', String(err.details.retryAfterSeconds));
      return send(reply, err.status, err.code, err.message, err.details);
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return send(reply, mapped[0], mapped[1], mapped[2]);
    if (err.validation) return send(reply, 400, 'validation_failed', err.message);
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500)
      return send(reply, err.statusCode, 'bad_request', err.message);
    // Input a database refuses (e.g. a string too long for an index) is the caller's mistake.
    const pgCode = (err as { code?: string }).code;
    if (pgCode === '22021' || pgCode === '22P05' || pgCode === '54000')
      return send(reply, 400, 'bad_input', 'The input contains characters or sizes the database cannot store');
    req.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'Internal error; it has been logged', { requestId: req.id });
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, 404, 'route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`),
  );
}
