import type { ServiceRegistry } from '@zemstvo/catalog';
import { municipalityParam, requirePermission, type TypedApp } from '@zemstvo/http';
import { recordFeedback } from '../application/feedback.ts';
import { listModels, requestTraining } from '../application/models.ts';
import { getRouting } from '../application/suggestions.ts';
import { feedbackIn, idParams, modelsOut, routingOut, trainOut } from './schemas.ts';

const tags = ['routing'];

/** Suggestions of an appeal, staff feedback on them, and the municipality's models and their training. */
export function routingRoutes(app: TypedApp, registry: ServiceRegistry): void {
  app.get(
    '/m/:municipality/appeals/:id/routing',
    {
      preHandler: requirePermission('routing.view'),
      schema: {
        tags,
        summary:
          'Routing suggestions for an appeal: top 3 categories, themes and executors with calibrated confidence, the model version, the classification now and what staff applied',
        params: idParams,
        response: { 200: routingOut },
      },
    },
    async (req) => req.useCase((ctx) => getRouting(ctx, registry, req.params.id)),
  );

  app.post(
    '/m/:municipality/appeals/:id/routing/feedback',
    {
      preHandler: requirePermission('routing.view'),
      schema: {
        tags,
        summary:
          'Accept a suggestion or correct it: category and theme change the appeal, an executor prefills the resolution; the answer labels the appeal in the next training',
        params: idParams,
        body: feedbackIn,
        response: { 200: routingOut },
      },
    },
    async (req) => req.useCase((ctx) => recordFeedback(ctx, registry, req.params.id, req.body)),
  );

  app.post(
    '/m/:municipality/routing/train',
    {
      preHandler: requirePermission('routing.train'),
      schema: {
        tags,
        summary: 'Retrain the routing model of the municipality now (a background job; 202 with its id)',
        params: municipalityParam,
        response: { 202: trainOut },
      },
    },
    async (req, reply) => reply.status(202).send(await req.useCase((ctx) => requestTraining(ctx))),
  );

  app.get(
    '/m/:municipality/routing/models',
    {
      preHandler: requirePermission('routing.train'),
      schema: {
        tags,
        summary:
          'Training runs of the routing model, newest first: status, examples, holdout top-1/top-3 per head, active',
        params: municipalityParam,
        response: { 200: modelsOut },
      },
    },
    async (req) => req.useCase((ctx) => listModels(ctx)),
  );
}
