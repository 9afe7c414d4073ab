import { z } from 'zod';
import { verifyAudit } from '@zemstvo/audit';
import { municipalityParam, pageQuery, requirePermission, type ZemstvoModule } from '@zemstvo/http';

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
          summary: 'Audit records of the municipality, newest first',
          params: municipalityParam,
          querystring: pageQuery,
        },
      },
      async (req) =>
        req.useCase(async (ctx) => ({
          items: await ctx.tx.query(
            `SELECT seq, chain_seq AS "chainSeq", occurred_at AS "occurredAt", actor, action, entity,
               entity_id AS "entityId", before, after, request_id AS "requestId", hash
             FROM audit_log WHERE municipality_id = $1 ORDER BY seq DESC LIMIT $2 OFFSET $3`,
            [ctx.tenant!.municipalityId, req.query.limit, req.query.offset],
          ),
        })),
    );
    app.get(
      '/m/:municipality/audit/verify',
      {
        preHandler: requirePermission('audit.view'),
        schema: { tags: ['audit'], summary: "Verify the municipality's audit chain", params: municipalityParam, response: { 200: z.object({ ok: z.boolean(), checked: z.number() }) } },
      },
      async (req) => req.useCase(async (ctx) => verifyAudit(ctx.tx, { chain: ctx.tenant!.municipalityId })),
    );
  },
};
