import { z } from 'zod';
import type { Services, TypedApp } from '@zemstvo/http';
import { confirmPasswordReset } from '../application/confirm-password-reset.ts';
import { requestPasswordReset } from '../application/request-password-reset.ts';
import type { IdentityRuntime } from '../settings.ts';
import type { AuthLimiters } from './rate-limits.ts';
import { emailIn, tags } from './schemas.ts';

export function passwordResetRoutes(
  app: TypedApp,
  services: Services,
  runtime: IdentityRuntime,
  limiters: AuthLimiters,
): void {
  app.post(
    '/auth/password-reset',
    {
      onRequest: limiters.perIp(),
      preHandler: limiters.perAccount(runtime.rateLimits.resetsPerAccountPerHour, 3_600_000),
      schema: {
        tags,
        summary:
          'Mail a password reset link (always 202: the answer does not reveal whether the account exists)',
        body: z.object({ email: emailIn }),
        response: { 202: z.object({}) },
      },
    },
    async (req, reply) => {
      await req.useCase((ctx) =>
        requestPasswordReset(ctx, { email: req.body.email, publicUrl: services.config.publicUrl }),
      );
      return reply.status(202).send({});
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      onRequest: limiters.perIp(),
      schema: {
        tags,
        summary: 'Set a new password with the token from a reset link; ends every session of the user',
        description: 'An unknown, used or expired (1 hour) token answers 400 `invalid_reset_token`.',
        body: z.object({ token: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await req.useCase((ctx) => confirmPasswordReset(ctx, req.body));
      return reply.status(204).send(null);
    },
  );
}
