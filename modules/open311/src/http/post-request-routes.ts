import type { FastifyRequest } from 'fastify';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { Services, TypedApp } from '@zemstvo/http';
import { makeTokenAuthenticator, type TokenAuthResult } from '@zemstvo/identity';
import { AppError } from '@zemstvo/kernel';
import { makeResolveAbilities } from '@zemstvo/tenancy';
import { submitOpen311Request } from '../application/submit-request.ts';
import { installedServices, resolveJurisdiction } from '../application/read-model.ts';
import { resolveService, serviceNotice } from '../domain/services.ts';
import { open311Refusal } from './errors.ts';
import { foldAttributes } from './form-body.ts';
import { FORMATS } from './read-routes.ts';
import { sendOpen311 } from './render.ts';
import { postRequestBody } from './schemas.ts';

/** The permission an API key needs to post service requests (defined by the appeals module). */
export const SUBMIT_PERMISSION = 'appeal.submit';
const IDEMPOTENCY_KEY_RE = /^[\x21-\x7e]{8,200}$/;

const forbidden = (code: string, description: string) => new AppError(code, description, 403);

function apiKeyOf(req: FastifyRequest): string | null {
  const fromBody =
    req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>).api_key : undefined;
  const fromQuery = (req.query as Record<string, unknown> | undefined)?.api_key;
  const key = typeof fromBody === 'string' ? fromBody : typeof fromQuery === 'string' ? fromQuery : '';
  return key.trim() || null;
}

/**
 * POST requests: a service request from an outside client, authenticated by its `api_key` (an API
 * token of the municipality with the permission appeal.submit). The key is checked before the body
 * is validated, so a caller without one learns nothing from validation errors.
 */
export function postRequestRoutes(app: TypedApp, services: Services, registry: ServiceRegistry): void {
  const authenticateKey = makeTokenAuthenticator(services.clock);
  const resolveAbilities = makeResolveAbilities(services.permissions);
  const keys = new WeakMap<FastifyRequest, TokenAuthResult>();

  for (const format of FORMATS)
    app.post(
      `/requests.${format}`,
      {
        schema: {
          tags: ['open311'],
          summary: `Post a service request (${format}); form-encoded or JSON`,
          description:
            'Needs `api_key`: an API token of the jurisdiction with the permission appeal.submit. An `Idempotency-Key` header makes retries safe.',
          body: postRequestBody,
        },
        preValidation: async (req) => {
          // Validation comes next and checks what the folding made of the body.
          req.body = foldAttributes(req.body) as typeof req.body;
          const key = apiKeyOf(req);
          if (!key) throw forbidden('api_key_missing', 'api_key was not provided');
          const auth = await authenticateKey(services.db, key);
          if (!auth) throw forbidden('api_key_invalid', 'Invalid api_key');
          keys.set(req, auth);
          req.actor = auth.auth.actor;
        },
      },
      async (req, reply) => {
        const key = keys.get(req)!;
        const idempotencyKey = req.headers['idempotency-key'];
        if (
          idempotencyKey !== undefined &&
          (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY_RE.test(idempotencyKey))
        )
          throw open311Refusal(400, 'bad_idempotency_key', [
            'Idempotency-Key must be 8 to 200 visible ASCII characters',
          ]);
        const locale = req.body.locale ?? 'ru';
        const answer = await req.useCase(async (ctx) => {
          const j = await resolveJurisdiction(ctx.tx, req.body.jurisdiction_id);
          if (key.municipalitySlug !== j.municipality.slug)
            throw forbidden('api_key_wrong_jurisdiction', 'This api_key belongs to another jurisdiction');
          const abilities = await resolveAbilities(ctx.tx, key.auth.actor, j.tenant);
          if (!abilities.can(SUBMIT_PERMISSION))
            throw forbidden(
              'api_key_not_allowed',
              `This api_key may not post service requests (needs ${SUBMIT_PERMISSION})`,
            );
          const service = resolveService(
            await installedServices(ctx.tx, j.municipality.id, registry),
            req.body.service_code,
          );
          if (!service) throw new AppError('not_found', 'service_code provided was not found', 404);
          const requestCtx = { ...ctx, actor: key.auth.actor, tenant: j.tenant };
          const submitted = await submitOpen311Request(requestCtx, {
            service,
            posted: req.body,
            timeZone: j.municipality.timezone,
            idempotencyKey: idempotencyKey ?? null,
          });
          return { ...submitted, notice: serviceNotice(service.manifest, locale) };
        });
        return sendOpen311(reply, format, 201, { root: 'service_requests', item: 'request' }, [
          {
            service_request_id: answer.serviceRequestId,
            token: answer.token,
            service_notice: answer.notice,
            account_id: null,
          },
        ]);
      },
    );
}
