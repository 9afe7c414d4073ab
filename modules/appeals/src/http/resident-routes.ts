import { pageQuery, requireUser, type TypedApp } from '@zemstvo/http';
import { z } from 'zod';
import { rateAnswer, rejectAnswer } from '../application/answer-feedback.ts';
import { getMyAppeal, listMyAppeals } from '../application/read-lists.ts';
import { ratingIn, rejectionIn, residentAppealOut, residentParams } from './schemas.ts';

const tags = ['cabinet'];
/** Checked before the body is read: the cabinet is for signed-in users only. */
const signedIn = async (req: Parameters<typeof requireUser>[0]) => void requireUser(req);

/** The resident's cabinet: own appeals in every municipality, the answers, rating and rejection. */
export function residentRoutes(app: TypedApp): void {
  app.get(
    '/me/appeals',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My appeals in every municipality: statuses, numbers, deadlines, dispatched answers',
        querystring: pageQuery,
        response: {
          200: z.object({
            items: z.array(residentAppealOut),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
        },
      },
    },
    async (req) => req.useCase((ctx) => listMyAppeals(ctx, req.query)),
  );

  app.get(
    '/me/appeals/:municipality/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'One of my appeals',
        params: residentParams,
        response: { 200: residentAppealOut },
      },
    },
    async (req) => req.useCase((ctx) => getMyAppeal(ctx, req.params.id)),
  );

  app.post(
    '/me/appeals/:municipality/:id/rating',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Rate the answer to my appeal (1–5)',
        params: residentParams,
        body: ratingIn,
        response: { 200: residentAppealOut },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        await rateAnswer(ctx, req.params.id, req.body);
        return getMyAppeal(ctx, req.params.id);
      }),
  );

  app.post(
    '/me/appeals/:municipality/:id/rejection',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Reject the answer («не удовлетворён»): the case reopens to the head',
        params: residentParams,
        body: rejectionIn,
        response: { 200: residentAppealOut },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        await rejectAnswer(ctx, req.params.id, req.body);
        return getMyAppeal(ctx, req.params.id);
      }),
  );
}
