import { z } from 'zod';
import { municipalityParam, requirePermission, type TypedApp } from '@zemstvo/http';
import type { WorkflowDeps } from '../application/deps.ts';
import { registerIncomingLetter } from '../application/register-incoming.ts';
import { submitSignal } from '../application/submit-signal.ts';
import { documentOut } from './routes.ts';
import { isoDate, line, tags } from './schemas.ts';

const slugLike = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lowercase latin letters, digits, dots, dashes');

const signalOut = z.object({
  document: documentOut,
  signal: z.object({
    source: z.string(),
    eventId: z.string(),
    type: z.string(),
    severity: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    observedAt: z.date(),
  }),
  duplicate: z.boolean(),
});

/** The start events other than appeals: orders, inter-agency requests (staff), monitoring signals (API). */
export function intakeRoutes(app: TypedApp, deps: WorkflowDeps): void {
  app.post(
    '/m/:municipality/documents/incoming',
    {
      preHandler: requirePermission('document.register'),
      schema: {
        tags,
        summary:
          'Register a superior’s order or an inter-agency request (in the journals orders, interagency)',
        params: municipalityParam,
        body: z.object({
          kind: z.enum(['order', 'interagency_request']),
          title: line(500),
          text: z.string().max(20_000).default(''),
          authorOrg: line(300),
          authorName: line(200).optional(),
          senderNumber: line(100),
          senderDate: isoDate,
          dueDate: isoDate.optional(),
        }),
        response: { 201: documentOut },
      },
    },
    async (req, reply) => {
      const doc = await req.useCase((ctx) => registerIncomingLetter(ctx, deps, req.body));
      return reply.status(201).send(doc);
    },
  );

  app.post(
    '/m/:municipality/signals',
    {
      preHandler: requirePermission('signal.submit'),
      schema: {
        tags,
        summary:
          'A monitoring system posts a signal (API token with signal.submit); idempotent by source and eventId',
        description:
          'Registered as an incoming document of kind `signal` in the journal `signals`. 201 when new; 200 with `duplicate: true` when the same source already posted this eventId.',
        params: municipalityParam,
        body: z.object({
          source: slugLike,
          eventId: line(200),
          type: slugLike,
          severity: z.enum(['info', 'warning', 'critical']),
          text: z.string().trim().min(1).max(8000),
          lat: z.number().min(-90).max(90).optional(),
          lon: z.number().min(-180).max(180).optional(),
          observedAt: z.iso.datetime({ offset: true }),
        }),
        response: { 200: signalOut, 201: signalOut },
      },
    },
    async (req, reply) => {
      const out = await req.useCase((ctx) =>
        submitSignal(ctx, { ...req.body, observedAt: new Date(req.body.observedAt) }),
      );
      return reply.status(out.duplicate ? 200 : 201).send(out);
    },
  );
}
