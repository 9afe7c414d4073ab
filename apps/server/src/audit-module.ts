import { z } from 'zod';
import { listAudit, verifyAudit } from '@zemstvo/audit';
import { municipalityParam, pageQuery, requirePermission, type ZemstvoModule } from '@zemstvo/http';

/**
 * The audit log's list query: a page by when the records happened, newest first by default
 * (`order=asc`: oldest first), filtered by exact action code, exact actor label and an `occurred_at` period
 * (`from` inclusive, `to` exclusive). Chain verification is `/audit/verify`, not this list.
 */
export const auditListQuery = pageQuery
  .extend({
    order: z.enum(['asc', 'desc']).default('desc'),
    action: z
      .string()
      .max(80)
      .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'an action code such as appeal.registered')
      .optional(),
    actor: z.string().min(1).max(320).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: 'from must not be after to',
    path: ['from'],
  });

/** Read access to a municipality's audit chain for staff with `audit.view`. */
export const auditModule: ZemstvoModule = {
  name: 'audit',
  routes: (app) => {
    app.get(
      '/m/:municipality/audit',
      {
        preHandler: requirePermission('audit.view'),
        schema: {
          tags: ['audit'],
          summary:
            'Audit records of the municipality, newest first by default; filters by action, actor, period',
          params: municipalityParam,
          querystring: auditListQuery,
        },
      },
      async (req) => req.useCase((ctx) => listAudit(ctx, req.query)),
    );
    app.get(
      '/m/:municipality/audit/verify',
      {
        preHandler: requirePermission('audit.view'),
        schema: {
          tags: ['audit'],
          summary: "Verify the municipality's audit chain",
          params: municipalityParam,
          response: { 200: z.object({ ok: z.boolean(), checked: z.number() }) },
        },
      },
      async (req) => req.useCase(async (ctx) => verifyAudit(ctx.tx, { chain: ctx.tenant!.municipalityId })),
    );
  },
};
