import { z } from 'zod';
import { municipalityParam, requirePermission, type Services, type TypedApp } from '@zemstvo/http';
import { createApiToken } from '../application/create-api-token.ts';
import { revokeApiToken } from '../application/revoke-api-token.ts';
import { presentToken, requireSessionInTenant } from '../application/token-management.ts';
import { apiTokensRepo, type ApiTokenListItem } from '../infra/api-tokens.repository.ts';
import { tokenIdParams, tokenIn, tokenOut } from './schemas.ts';

const tags = ['tokens'];
const guard = requirePermission('token.manage');

const present = (t: ApiTokenListItem) => {
  const { userId: _userId, ...shown } = presentToken(t);
  return { ...shown, owner: { id: t.userId, email: t.ownerEmail, displayName: t.ownerDisplayName } };
};

/** API tokens of a municipality for machine clients: `Authorization: Bearer zt_…`. */
export function tokenRoutes(app: TypedApp, services: Services): void {
  app.get(
    '/m/:municipality/tokens',
    {
      preHandler: guard,
      schema: {
        tags,
        summary: 'API tokens of the municipality (never their secrets)',
        params: municipalityParam,
        response: { 200: z.object({ items: z.array(tokenOut) }) },
      },
    },
    async (req) => {
      const items = await req.useCase((ctx) => {
        const { tenant } = requireSessionInTenant(ctx);
        return apiTokensRepo.list(ctx.tx, tenant.municipalityId);
      });
      return { items: items.map(present) };
    },
  );

  app.post(
    '/m/:municipality/tokens',
    {
      preHandler: guard,
      schema: {
        tags,
        summary: 'Issue an API token; the secret is in this answer only',
        description:
          'Scopes are expanded with their dependencies and must be permissions the caller holds here (403 `scope_exceeds_abilities`). The token acts only in this municipality and needs no CSRF header.',
        params: municipalityParam,
        body: tokenIn,
        response: { 201: tokenOut.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      const created = await req.useCase(async (ctx) => {
        const c = await createApiToken(
          ctx,
          { catalog: services.permissions, abilities: req.abilities },
          { ...req.body, expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null },
        );
        const owner = requireSessionInTenant(ctx).actor;
        return {
          ...present({ ...c.record, ownerEmail: owner.email, ownerDisplayName: owner.displayName }),
          token: c.token,
        };
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/m/:municipality/tokens/:id',
    {
      preHandler: guard,
      schema: {
        tags,
        summary: 'Revoke an API token at once',
        params: tokenIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await req.useCase((ctx) => revokeApiToken(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );
}
