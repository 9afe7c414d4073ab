import { z } from 'zod';
import type { Services, TypedApp } from '@zemstvo/http';
import { isAppError, notFound } from '@zemstvo/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../application/authenticate.ts';
import { finishExternalLogin } from '../application/finish-external-login.ts';
import { startExternalLogin } from '../application/start-external-login.ts';
import type { IdentityRuntime } from '../settings.ts';
import {
  LOGIN_FLOW_COOKIE,
  LOGIN_FLOW_COOKIE_PATH,
  loginFlowCookieOptions,
  sessionCookieOptions,
} from './cookies.ts';
import type { AuthLimiters } from './rate-limits.ts';
import { providerParams, tags } from './schemas.ts';

/** A path on this site only: no scheme, no host, no `//` (no open redirect). */
const returnTo = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\\]*$/, 'a path on this site, starting with a single /');

/**
 * A browser that navigated here (start and callback are top-level navigations) is sent back to the
 * login page with the error code, which the page translates; API clients get the JSON error shape.
 */
async function orBackToLogin(
  req: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<unknown>,
): Promise<unknown> {
  try {
    return await run();
  } catch (e) {
    if (isAppError(e) && (req.headers.accept ?? '').includes('text/html'))
      return reply.redirect(`/login?error=${encodeURIComponent(e.code)}`, 302);
    throw e;
  }
}

/** Sign-in through external identity providers (OIDC; ESIA-style providers plug in the same way). */
export function oidcRoutes(
  app: TypedApp,
  services: Services,
  runtime: IdentityRuntime,
  limiters: AuthLimiters,
): void {
  const { devMode, publicUrl } = services.config;
  const providerNamed = (name: string) => {
    const p = runtime.providers.get(name);
    if (!p) throw notFound('Identity provider', 'provider_not_found');
    return p;
  };
  const redirectUri = (name: string) => `${publicUrl}/api/auth/oidc/${name}/callback`;

  app.get(
    '/auth/providers',
    {
      schema: {
        tags,
        summary: 'External identity providers for the login page',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                name: z.string(),
                label: z.object({ ru: z.string(), en: z.string() }),
                startUrl: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: [...runtime.providers.values()].map((p) => ({
        name: p.name,
        label: p.label,
        startUrl: `/api/auth/oidc/${p.name}/start`,
      })),
    }),
  );

  app.get(
    '/auth/oidc/:provider/start',
    {
      onRequest: limiters.perIp(),
      schema: {
        tags,
        summary: 'Start signing in at an identity provider: redirects there (state, nonce, PKCE)',
        params: providerParams,
        querystring: z.object({ returnTo: returnTo.default('/') }),
      },
    },
    async (req, reply) =>
      orBackToLogin(req, reply, async () => {
        const provider = providerNamed(req.params.provider);
        const started = await startExternalLogin(req.useCase.bind(req), provider, {
          redirectUri: redirectUri(provider.name),
          returnTo: req.query.returnTo,
        });
        reply.setCookie(
          LOGIN_FLOW_COOKIE,
          started.flowSecret,
          loginFlowCookieOptions(devMode, started.expiresAt),
        );
        return reply.redirect(started.redirectUrl, 302);
      }),
  );

  app.get(
    '/auth/oidc/:provider/callback',
    {
      onRequest: limiters.perIp(),
      schema: {
        tags,
        summary:
          'Where the identity provider returns: signs in (sets the session cookie) and redirects to the start page',
        description:
          'Links the external identity to a user, or creates a resident. Errors: 400 `login_flow_invalid` (not started in this browser, used or expired), 401 `provider_denied` / `provider_rejected` / `provider_response_invalid`, 409 `email_taken`, 502 `provider_unavailable`.',
        params: providerParams,
        querystring: z
          .object({ state: z.string().max(500).optional(), code: z.string().max(4000).optional() })
          .loose(),
      },
    },
    async (req, reply) =>
      orBackToLogin(req, reply, async () => {
        const provider = providerNamed(req.params.provider);
        reply.clearCookie(LOGIN_FLOW_COOKIE, { path: LOGIN_FLOW_COOKIE_PATH });
        const s = await finishExternalLogin(req.useCase.bind(req), provider, {
          flowSecret: req.cookies[LOGIN_FLOW_COOKIE],
          callbackUrl: new URL(req.url, publicUrl),
          redirectUri: redirectUri(provider.name),
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(devMode, s.expiresAt));
        return reply.redirect(s.returnTo, 302);
      }),
  );
}
