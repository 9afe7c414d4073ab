import { z } from 'zod';
import { requireUser, type Services, type TypedApp } from '@zemstvo/http';
import { tenancyRepo } from '@zemstvo/tenancy';
import { SESSION_COOKIE } from '../application/authenticate.ts';
import { login, logout } from '../application/login.ts';
import { publicUser, usersRepo } from '../infra/users.repository.ts';

const tags = ['auth'];
const userOut = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  kind: z.enum(['resident', 'staff', 'regional', 'operator']),
  regionId: z.string().nullable(),
  locale: z.enum(['ru', 'en']),
});
const meOut = z.object({
  user: userOut,
  csrfToken: z.string().nullable(),
  memberships: z.array(
    z.object({ slug: z.string(), name: z.object({ ru: z.string(), en: z.string() }), roleKeys: z.array(z.string()) }),
  ),
});

export async function identityRoutes(app: TypedApp, services: Services): Promise<void> {
  const cookieOptions = (expires: Date) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: !services.config.devMode,
    expires,
  });

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with e-mail and password; sets the session cookie',
        body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1000) }),
        response: { 200: z.object({ user: userOut, csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const s = await req.useCase((ctx) =>
        login(ctx, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
      );
      reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(s.expiresAt));
      return { user: s.user, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'End the current session', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await req.useCase((ctx) => logout(ctx, token));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The current user, CSRF token and municipalities', response: { 200: meOut } } },
    async (req) => {
      const actor = requireUser(req);
      return req.useCase(async (ctx) => {
        const user = await usersRepo.byId(ctx.tx, actor.userId);
        const ms = await tenancyRepo.membershipsOf(ctx.tx, actor.userId);
        return {
          user: publicUser(user!),
          csrfToken: req.csrfToken,
          memberships: ms.map((m) => ({ slug: m.slug, name: { ru: m.nameRu, en: m.nameEn }, roleKeys: m.roleKeys })),
        };
      });
    },
  );

  app.put(
    '/auth/me/locale',
    {
      schema: { tags, summary: 'Remember the interface language', body: z.object({ locale: z.enum(['ru', 'en']) }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      await req.useCase((ctx) => usersRepo.setLocale(ctx.tx, actor.userId, req.body.locale));
      return reply.status(204).send(null);
    },
  );
}
