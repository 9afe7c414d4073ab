import { z } from 'zod';
import type { Services, TypedApp } from '@zemstvo/http';
import { SESSION_COOKIE } from '../application/authenticate.ts';
import { registerResident } from '../application/register-resident.ts';
import { sessionCookieOptions } from './cookies.ts';
import type { AuthLimiters } from './rate-limits.ts';
import { emailIn, sessionOut, tags } from './schemas.ts';

export function registrationRoutes(app: TypedApp, services: Services, limiters: AuthLimiters): void {
  app.post(
    '/auth/register',
    {
      onRequest: limiters.perIp(),
      schema: {
        tags,
        summary: 'Resident self-registration; signs the new resident in (sets the session cookie)',
        description:
          'Password policy: 10–200 characters, not one repeated character, not containing the e-mail name (400 `weak_password`). A taken e-mail answers 409 `email_taken`.',
        body: z.object({
          email: emailIn,
          displayName: z.string().trim().min(1).max(200),
          password: z.string().min(1).max(1000),
          locale: z.enum(['ru', 'en']).default('ru'),
        }),
        response: { 201: sessionOut },
      },
    },
    async (req, reply) => {
      const s = await req.useCase((ctx) =>
        registerResident(ctx, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
      );
      reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(services.config.devMode, s.expiresAt));
      return reply.status(201).send({ user: s.user, csrfToken: s.csrfToken });
    },
  );
}
