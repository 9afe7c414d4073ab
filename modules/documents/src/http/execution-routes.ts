import { z } from 'zod';
import { municipalityParam, pageQuery, requirePermission, uuidSchema, type TypedApp } from '@zemstvo/http';
import { changeResolutionDueDate } from '../application/change-due-date.ts';
import { completeAssignment } from '../application/complete-assignment.ts';
import { staffDirectory, userOf, type WorkflowDeps } from '../application/deps.ts';
import { writeResolution } from '../application/write-resolution.ts';
import { executionRepo } from '../infra/execution.repository.ts';
import { assignmentListOut, assignmentOut, docParams, isoDate, resolutionOut, tags } from './schemas.ts';

/** Resolutions (резолюции), assignments and their completion: control of execution. */
export function executionRoutes(app: TypedApp, deps: WorkflowDeps): void {
  app.post(
    '/m/:municipality/documents/:id/resolutions',
    {
      preHandler: requirePermission('document.resolve'),
      schema: {
        tags,
        summary:
          'Write a resolution on an incoming document (a new one re-assigns and supersedes the previous)',
        params: docParams,
        body: z.object({
          responsibleUserId: uuidSchema,
          coExecutorUserIds: z.array(uuidSchema).max(20).default([]),
          dueDate: isoDate,
          instruction: z.string().trim().min(1).max(4000),
        }),
        response: {
          201: z.object({
            resolution: resolutionOut,
            assignments: z.array(assignmentOut),
            superseded: z.string().nullable(),
          }),
        },
      },
    },
    async (req, reply) => {
      const out = await req.useCase((ctx) => writeResolution(ctx, deps, req.params.id, req.body));
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/m/:municipality/documents/:id/resolutions/due-date',
    {
      preHandler: requirePermission('document.resolve'),
      schema: {
        tags,
        summary:
          'Move the due date of the active resolution: open assignments get it, reminders are re-scheduled',
        params: docParams,
        body: z.object({ dueDate: isoDate, reason: z.string().trim().min(1).max(2000) }),
        response: { 200: z.object({ assignments: z.array(assignmentOut) }) },
      },
    },
    async (req) => ({
      assignments: await req.useCase((ctx) => changeResolutionDueDate(ctx, deps, req.params.id, req.body)),
    }),
  );

  app.get(
    '/m/:municipality/assignments',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary: 'Assignments of the municipality, soonest due first; mine=1 for the caller’s own',
        params: municipalityParam,
        querystring: pageQuery.extend({
          mine: z.enum(['0', '1']).default('0'),
          status: z.enum(['open', 'done', 'cancelled']).optional(),
        }),
        response: { 200: z.object({ items: z.array(assignmentListOut) }) },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const rows = await executionRepo.list(ctx.tx, ctx.tenant!.municipalityId, {
          executorUserId: req.query.mine === '1' ? userOf(ctx).userId : undefined,
          status: req.query.status,
          limit: req.query.limit,
          offset: req.query.offset,
        });
        const staff = await staffDirectory(ctx);
        return {
          items: rows.map((r) => ({ ...r, executorName: staff.get(r.executorUserId)?.displayName ?? null })),
        };
      }),
  );

  app.post(
    '/m/:municipality/assignments/:id/complete',
    {
      preHandler: requirePermission('document.execute'),
      schema: {
        tags,
        summary: 'Report an assignment done (its executor only)',
        params: municipalityParam.extend({ id: uuidSchema }),
        body: z.object({ report: z.string().trim().min(1).max(8000) }),
        response: { 200: assignmentOut },
      },
    },
    async (req) => req.useCase((ctx) => completeAssignment(ctx, req.params.id, req.body.report)),
  );
}
