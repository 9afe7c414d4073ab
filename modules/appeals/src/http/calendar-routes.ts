import { requireOperator, type TypedApp } from '@zemstvo/http';
import { z } from 'zod';
import {
  effectiveCalendar,
  removeCalendarOverride,
  setCalendarOverride,
} from '../application/calendar-admin.ts';
import { federalCalendarYear } from '../application/context.ts';
import { calendarRepo } from '../infra/calendar.repository.ts';
import { calendarOut, calendarQuery, overrideIn, overrideOut, overrideParams } from './schemas.ts';

const tags = ['calendar'];
/** Checked before the body is read: only platform operators edit the calendar. */
const operatorOnly = async (req: Parameters<typeof requireOperator>[0]) => void requireOperator(req);

/** The production calendar: readable by everyone, overrides edited by operators. */
export function calendarRoutes(app: TypedApp): void {
  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary:
          'The effective working calendar of a year (federal production calendar with the operator’s overrides)',
        querystring: calendarQuery,
        response: { 200: calendarOut },
      },
    },
    async (req) => req.useCase((ctx) => effectiveCalendar(ctx, req.query.year ?? federalCalendarYear(ctx))),
  );

  app.get(
    '/calendar/overrides',
    {
      onRequest: operatorOnly,
      schema: {
        tags,
        summary: 'The operator’s overrides (all years)',
        response: { 200: z.object({ items: z.array(overrideOut) }) },
      },
    },
    async (req) => ({ items: await req.useCase((ctx) => calendarRepo.list(ctx.tx)) }),
  );

  app.put(
    '/calendar/overrides/:date',
    {
      onRequest: operatorOnly,
      schema: {
        tags,
        summary:
          'Mark a date as a day off (a regional holiday) or a working day (a worked Saturday); every deadline uses it',
        params: overrideParams,
        body: overrideIn,
        response: { 200: overrideOut },
      },
    },
    async (req) => req.useCase((ctx) => setCalendarOverride(ctx, { date: req.params.date, ...req.body })),
  );

  app.delete(
    '/calendar/overrides/:date',
    {
      onRequest: operatorOnly,
      schema: {
        tags,
        summary: 'Remove an override (the federal calendar applies again)',
        params: overrideParams,
      },
    },
    async (req, reply) => {
      await req.useCase((ctx) => removeCalendarOverride(ctx, req.params.date));
      return reply.status(204).send();
    },
  );
}
