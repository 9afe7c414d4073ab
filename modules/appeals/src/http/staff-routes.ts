import { documentsRepo } from '@zemstvo/documents';
import { municipalityParam, requirePermission, type TypedApp } from '@zemstvo/http';
import { applySpecialHandling } from '../application/apply-special-handling.ts';
import { getAppeal } from '../application/appeal-view.ts';
import { extendAnswerDeadline } from '../application/extend-answer-deadline.ts';
import { listInbox } from '../application/read-lists.ts';
import { redirectAppeal } from '../application/redirect-appeal.ts';
import { registerAppeal } from '../application/register-appeal.ts';
import { setAppealStatus } from '../application/set-appeal-status.ts';
import type { AppealStatus } from '../domain/statuses.ts';
import {
  appealDetailOut,
  appealOut,
  extendIn,
  idParams,
  inboxOut,
  inboxQuery,
  redirectIn,
  registerIn,
  specialHandlingIn,
  statusIn,
} from './schemas.ts';

const tags = ['appeals'];

/** The staff side: inbox boxes, the case, registration, Art. 11 handling, redirect, extension, statuses. */
export function staffRoutes(app: TypedApp): void {
  for (const [url, summary] of [
    [
      '/m/:municipality/inbox',
      'Staff inbox: a box (to register, to decide, to execute, to approve, to sign, overdue, all) with filters, search and paging',
    ],
    ['/m/:municipality/appeals', 'Appeals of the municipality (the inbox; box «all» by default)'],
  ] as const)
    app.get(
      url,
      {
        preHandler: requirePermission('document.view'),
        schema: {
          tags,
          summary,
          params: municipalityParam,
          querystring: inboxQuery,
          response: { 200: inboxOut },
        },
      },
      async (req) =>
        req.useCase((ctx) => {
          const { status, ...q } = req.query;
          return listInbox(ctx, { ...q, statuses: status }, { canSign: req.abilities.can('document.sign') });
        }),
    );

  app.get(
    '/m/:municipality/appeals/:id',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'An appeal with its questions, deadlines, history and documents',
        params: idParams,
        response: { 200: appealDetailOut },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const appeal = await getAppeal(ctx, req.params.id);
        const m = ctx.tenant!.municipalityId;
        const events = await documentsRepo.events(ctx.tx, m, appeal.id);
        const children = await documentsRepo.children(ctx.tx, m, appeal.id);
        return {
          appeal,
          history: events.map((e) => ({ at: e.at, actor: e.actorLabel, type: e.type, data: e.data })),
          documents: children.map((d) => ({
            id: d.id,
            kind: d.kind,
            direction: d.direction,
            status: d.status,
            regNumber: d.regNumber,
            title: d.title,
          })),
        };
      }),
  );

  app.post(
    '/m/:municipality/appeals/:id/register',
    {
      preHandler: requirePermission('document.register'),
      schema: {
        tags,
        summary:
          'Register an appeal (59-FZ Art. 8 p.2): number, answer deadline (Art. 12 p.1), questions, Art. 11 handling',
        params: idParams,
        body: registerIn,
        response: { 200: appealOut },
      },
    },
    async (req) => req.useCase((ctx) => registerAppeal(ctx, req.params.id, req.body)),
  );

  app.post(
    '/m/:municipality/appeals/:id/special-handling',
    {
      preHandler: requirePermission('document.resolve'),
      schema: {
        tags,
        summary:
          'Apply a ground of 59-FZ Art. 11 (no answer on the merits): anonymous, crime forwarded, unreadable, abusive, repeated…',
        params: idParams,
        body: specialHandlingIn,
        response: { 200: appealOut },
      },
    },
    async (req) => req.useCase((ctx) => applySpecialHandling(ctx, req.params.id, req.body)),
  );

  app.post(
    '/m/:municipality/appeals/:id/redirect',
    {
      preHandler: requirePermission('document.register'),
      schema: {
        tags,
        summary:
          'Redirect to the competent body within 7 days of registration, notifying the applicant (59-FZ Art. 8 p.3)',
        params: idParams,
        body: redirectIn,
        response: { 200: appealOut },
      },
    },
    async (req) => req.useCase((ctx) => redirectAppeal(ctx, req.params.id, req.body)),
  );

  app.post(
    '/m/:municipality/appeals/:id/extend',
    {
      preHandler: requirePermission('document.resolve'),
      schema: {
        tags,
        summary:
          'Extend the answer deadline once by at most 30 days, notifying the applicant (59-FZ Art. 12 p.2)',
        params: idParams,
        body: extendIn,
        response: { 200: appealOut },
      },
    },
    async (req) => req.useCase((ctx) => extendAnswerDeadline(ctx, req.params.id, req.body)),
  );

  app.post(
    '/m/:municipality/appeals/:id/status',
    {
      preHandler: requirePermission('appeal.status'),
      schema: {
        tags,
        summary:
          'Set a public status by hand (investigating, in progress, planned, fixed, unable to fix, not our responsibility, duplicate, closed)',
        params: idParams,
        body: statusIn,
        response: { 200: appealOut },
      },
    },
    async (req) =>
      req.useCase((ctx) =>
        setAppealStatus(ctx, req.params.id, { ...req.body, status: req.body.status as AppealStatus }),
      ),
  );
}
