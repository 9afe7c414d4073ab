import type { Socket } from 'node:net';
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
  FST_ERR_MAX_PARAM_LENGTH: [414, 'url_too_long', 'A part of the URL is too long'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request', 'The request could not be routed'],
};

// Other 4xx errors of Fastify and its plugins: a stable code by status; the message is Fastify's.
const CODE_BY_STATUS: Record<number, string> = {
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * PostgreSQL errors a caller's input can cause (SQLSTATE), and what they mean to the caller.
 * Everything else from the database is a bug and stays a 500.
 */
const DATABASE_CODES: Record<string, [number, string, string]> = {
  // character_not_in_repertoire, untranslatable_character, program_limit_exceeded (e.g. an index
  // row too big), string_data_right_truncation, numeric_value_out_of_range
  '22021': [400, 'bad_input', 'The input contains characters or sizes the database cannot store'],
  '22P05': [400, 'bad_input', 'The input contains characters or sizes the database cannot store'],
  '54000': [400, 'bad_input', 'The input contains characters or sizes the database cannot store'],
  '22001': [400, 'bad_input', 'The input contains characters or sizes the database cannot store'],
  '22003': [400, 'bad_input', 'The input contains characters or sizes the database cannot store'],
  // unique_violation: two requests created the same thing at once; the use case's own check lost the race.
  '23505': [409, 'conflict', 'This conflicts with data saved at the same time; reload and try again'],
};

// Fastify hands over whatever was thrown; a non-Error (a bug) must still reach the 500 path below.
const asError = (thrown: unknown): Partial<FastifyError> & Error =>
  thrown instanceof Error ? thrown : new Error(`Non-error thrown: ${String(thrown)}`);

/** Maps Fastify's routing errors (bad percent-encoding, over-long params) to the error shape. */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', req.id);
  const mapped = FASTIFY_CODES[err.code] ?? [400, 'bad_request', 'The request could not be routed'];
  void send(reply, mapped[0], mapped[1], mapped[2]);
}

/** Answers malformed HTTP (bad headers, oversized headers, timeouts) with the error shape, then closes. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large']
        : [400, 'Bad Request', 'malformed_request', 'The HTTP request is malformed'];
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

/** One error shape for every failure: `{ error: { code, message, details } }`, never a stack trace. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((thrown: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const err = asError(thrown);
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
      return send(reply, err.statusCode, CODE_BY_STATUS[err.statusCode] ?? 'bad_request', err.message);
    const db = err.code ? DATABASE_CODES[err.code] : undefined;
    if (db) return send(reply, db[0], db[1], db[2]);
    req.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'Internal error; it has been logged', { requestId: req.id });
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, 404, 'route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`),
  );
}
