import { z } from 'zod';
import { requireUser, type Services, type TypedApp } from '@zemstvo/http';
import type { Ctx } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { SESSION_COOKIE } from '../application/authenticate.ts';
import { login, logout } from '../application/login.ts';
import { publicUser, usersRepo } from '../infra/users.repository.ts';
import type { IdentityRuntime } from '../settings.ts';
import { sessionCookieOptions } from './cookies.ts';
import type { AuthLimiters } from './rate-limits.ts';
import { emailIn, meOut, passwordIn, sessionOut, tags } from './schemas.ts';

export function sessionRoutes(
  app: TypedApp,
  services: Services,
  runtime: IdentityRuntime,
  limiters: AuthLimiters,
): void {
  const { devMode } = services.config;
  const { perAccount, windowMs } = runtime.rateLimits;

  app.post(
    '/auth/login',
    {
      onRequest: limiters.perIp(),
      preHandler: limiters.perAccount(perAccount, windowMs),
      schema: {
        tags,
        summary: 'Log in with e-mail and password; sets the session cookie',
        description:
          'Five wrong passwords in a row lock the account for 15 minutes (423 `account_locked`). Attempts are throttled per IP and per account (429 `rate_limited` with Retry-After).',
        body: z.object({ email: emailIn, password: passwordIn }),
        response: { 200: sessionOut },
      },
    },
    async (req, reply) => {
      const outcome = await req.useCase((ctx) =>
        login(ctx, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
      );
      if (!outcome.ok) throw outcome.error; // after the commit: the failed attempt stays counted
      const s = outcome.session;
      reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(devMode, s.expiresAt));
      return { user: s.user, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'End the current session (server-side, not only the cookie)',
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await req.useCase((ctx) => logout(ctx, token));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags, summary: 'The current user, CSRF token and municipalities', response: { 200: meOut } },
    },
    async (req) => req.useCase((ctx) => signedInCard(ctx, requireUser(req).userId, req.csrfToken)),
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, if anyone: `me` as in GET /api/auth/me, or null',
        description:
          'For pages that anyone may open (the web app asks on every load): an anonymous caller gets 200 with `me: null` instead of the 401 of /api/auth/me.',
        response: { 200: z.object({ me: meOut.nullable() }) },
      },
    },
    async (req) => {
      const actor = req.actor;
      if (actor.kind !== 'user') return { me: null };
      return { me: await req.useCase((ctx) => signedInCard(ctx, actor.userId, req.csrfToken)) };
    },
  );

  app.put(
    '/auth/me/locale',
    {
      schema: {
        tags,
        summary: 'Remember the interface language',
        body: z.object({ locale: z.enum(['ru', 'en']) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      await req.useCase((ctx) => usersRepo.setLocale(ctx.tx, actor.userId, req.body.locale));
      return reply.status(204).send(null);
    },
  );
}

/** The signed-in caller's card: user, CSRF token, municipalities with role keys. */
async function signedInCard(ctx: Ctx, userId: string, csrfToken: string | null) {
  const user = await usersRepo.byId(ctx.tx, userId);
  const ms = await tenancyRepo.membershipsOf(ctx.tx, userId);
  return {
    user: publicUser(user!),
    csrfToken,
    memberships: ms.map((m) => ({
      slug: m.slug,
      name: { ru: m.nameRu, en: m.nameEn },
      roleKeys: m.roleKeys,
    })),
  };
}
