import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '@zemstvo/kernel';
import { sendOpen311, type Open311Format } from './render.ts';

/** One error as GeoReport v2 reports it: the HTTP status as `code` and a description. */
export interface Open311Error {
  code: number;
  description: string;
}

/** An error with several descriptions (e.g. one per bad attribute), all with the same status. */
export const open311Refusal = (status: number, code: string, descriptions: readonly string[]) =>
  new AppError(code, descriptions.join('; '), status, { descriptions: [...descriptions] });

/** The format of the answer to this URL: XML when the path ends in `.xml`, JSON otherwise. */
export const formatOfUrl = (url: string): Open311Format =>
  /\.xml$/i.test(url.split('?')[0] ?? '') ? 'xml' : 'json';

// Database errors a caller's input can cause (SQLSTATE); anything else from the database is a bug.
const DATABASE_STATUS: Readonly<Record<string, number>> = {
  '22021': 400,
  '22P05': 400,
  '54000': 400,
  '22001': 400,
  '22003': 400,
  '23505': 409,
};

function errorsOf(thrown: unknown): { status: number; errors: Open311Error[] } | null {
  const err = thrown instanceof Error ? (thrown as Partial<FastifyError> & Error) : null;
  if (!err) return null;
  if (hasZodFastifySchemaValidationErrors(err))
    return {
      status: 400,
      errors: err.validation.map((v) => {
        const path = (v.instancePath || '').replace(/^\//, '').replaceAll('/', '.');
        const message = v.message ?? 'is invalid';
        return {
          code: 400,
          description: path && !message.startsWith(path) ? `${path}: ${message}` : message,
        };
      }),
    };
  if (isAppError(err)) {
    const many = err.details && 'descriptions' in err.details ? err.details.descriptions : null;
    const descriptions = Array.isArray(many) ? many.map(String) : [err.message];
    return {
      status: err.status,
      errors: descriptions.map((description) => ({ code: err.status, description })),
    };
  }
  const status =
    typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500
      ? err.statusCode
      : err.code
        ? DATABASE_STATUS[err.code]
        : undefined;
  if (status === undefined) return null;
  const description =
    status === 400 && err.code && DATABASE_STATUS[err.code] ? 'The input cannot be stored' : err.message;
  return { status, errors: [{ code: status, description }] };
}

export function sendOpen311Errors(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  errors: Open311Error[],
) {
  return sendOpen311(
    reply,
    format,
    status,
    { root: 'errors', item: 'error' },
    errors.map((e) => ({ ...e })),
  );
}

/**
 * Every failure on the Open311 routes is answered as the standard says — an array of
 * `{code, description}` (`<errors><error>…`) in the requested format — including refusals of the
 * platform's own hooks (CSRF, unstorable text) and of Fastify (bad JSON, unknown content type).
 * Must be called on the scope that holds the Open311 routes (with its prefix, for the 404s).
 */
export function installOpen311ErrorHandling(scope: FastifyInstance): void {
  scope.setErrorHandler((thrown: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const format = formatOfUrl(req.url);
    const known = errorsOf(thrown);
    if (known) {
      if (
        known.status === 429 &&
        thrown instanceof AppError &&
        thrown.details &&
        'retryAfterSeconds' in thrown.details
      )
        reply.header('retry-after', String(thrown.details.retryAfterSeconds));
      return sendOpen311Errors(reply, format, known.status, known.errors);
    }
    req.log.error({ err: thrown }, 'unhandled error');
    return sendOpen311Errors(reply, format, 500, [
      { code: 500, description: `Internal error; it has been logged (request ${req.id})` },
    ]);
  });
  scope.setNotFoundHandler((req, reply) =>
    sendOpen311Errors(reply, formatOfUrl(req.url), 404, [
      { code: 404, description: `No Open311 method ${req.method} ${req.url.split('?')[0]}` },
    ]),
  );
}
