import { forbidden } from '@zemstvo/kernel';
import { municipalityParam, type Services, type TypedApp } from '@zemstvo/http';
import { submitAppeal, type IntakeChannel } from '../application/submit-appeal.ts';
import { anonymousIntakeLimiter, type IntakeRateLimit } from './rate-limit.ts';
import { submitIn, submittedOut } from './schemas.ts';

const tags = ['appeals'];

/**
 * The intake endpoint of the web form, the embeddable widget and the REST API: a signed-in
 * resident, an anonymous caller where the service allows it (setting `allow_anonymous_web`,
 * throttled per IP), or an API token with `appeal.submit`. `Idempotency-Key` makes retries safe.
 */
export function intakeRoutes(app: TypedApp, services: Services, limit: IntakeRateLimit): void {
  const throttle = anonymousIntakeLimiter(services.clock, limit);
  app.post(
    '/m/:municipality/appeals',
    {
      onRequest: throttle,
      schema: {
        tags,
        summary: 'File an appeal or a map report (web form, widget, REST API with a token)',
        description:
          'Validated against the service’s intake form. Send `Idempotency-Key` to make retries safe: the same key and body give the same appeal (200), the same key with another body is 409 `idempotency_conflict`. Anonymous callers only where the service allows it (`anonymous_not_allowed`), throttled per IP.',
        params: municipalityParam,
        body: submitIn,
        response: { 200: submittedOut, 201: submittedOut },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      let channel: IntakeChannel = req.body.channel;
      if (actor.kind === 'user' && actor.via === 'token') {
        if (!req.abilities.can('appeal.submit')) throw forbidden('This needs the permission appeal.submit');
        channel = 'api';
      }
      const key = req.headers['idempotency-key'];
      const outcome = await req.useCase((ctx) =>
        submitAppeal(ctx, {
          service: req.body.service,
          category: req.body.category,
          theme: req.body.theme ?? null,
          fields: req.body.fields,
          channel,
          idempotencyKey: typeof key === 'string' ? key : null,
          ...(req.body.isPublic !== undefined ? { isPublic: req.body.isPublic } : {}),
        }),
      );
      const a = outcome.appeal;
      return reply.status(outcome.created ? 201 : 200).send({
        appeal: {
          id: a.id,
          municipality: a.municipality,
          service: a.service.slug,
          category: a.category,
          status: a.status,
          stage: a.stage,
          receivedAt: a.receivedAt,
          registrationDue: a.registrationDue,
          isPublic: a.isPublic,
        },
        created: outcome.created,
      });
    },
  );
}
