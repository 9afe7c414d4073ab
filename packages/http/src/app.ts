import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Abilities } from '@zemstvo/authz';
import { AppError, anonymous, newId, notFound, ReadCache, type Ctx, type Tenant } from '@zemstvo/kernel';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandling } from './errors.ts';
import { requirePermission } from './guards.ts';
import { assertStorableText } from './input-text.ts';
import { installMetrics } from './metrics.ts';
import { installRouteTable } from './route-table.ts';
import { serveWebApp } from './web-app.ts';
import { MUNICIPALITY_SLUG } from './schemas.ts';
import type { Authenticate, ResolveAbilities, ResolveTenant, Services, ZemstvoModule } from './types.ts';

export interface HttpAppOptions {
  services: Services;
  modules: readonly ZemstvoModule[];
  authenticate: Authenticate;
  resolveTenant: ResolveTenant;
  resolveAbilities: ResolveAbilities;
  /** Built web app to serve at / (SPA fallback to index.html). */
  webDir?: string;
  /** Is the platform ready (migrated, seeded)? Drives /readyz. */
  isReady: () => boolean;
  /** A pino logger to log requests with; none logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** Extra CSP sources for images (map tiles). */
  imgSources?: readonly string[];
  /** Behind a reverse proxy: Fastify's trustProxy, so `req.ip` is the client's (per-IP throttling). */
  trustProxy?: boolean | string;
  /** METRICS_TOKEN: when set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,128}$/;

/** Routes of the API proper (not the docs explorer): callers are authenticated for these. */
const isApiRoute = (url: string | undefined) =>
  url !== undefined && url.startsWith('/api/') && url !== '/api/docs' && !url.startsWith('/api/docs/');

const sameSecret = (sent: unknown, expected: string) =>
  typeof sent === 'string' &&
  Buffer.byteLength(sent) === Buffer.byteLength(expected) &&
  timingSafeEqual(Buffer.from(sent), Buffer.from(expected));

const tenantCaches = new WeakMap<object, ReadCache<Tenant | null>>();

/**
 * The municipality of every /m/:slug request, read once per process and slug. One cache per
 * database; a use case that changes the row (the time zone) forgets the slug in its transaction, a
 * change by SQL or by another process is seen within READ_CACHE_TTL_MS.
 */
export function tenantCache(db: object): ReadCache<Tenant | null> {
  let cache = tenantCaches.get(db);
  if (!cache) tenantCaches.set(db, (cache = new ReadCache<Tenant | null>()));
  return cache;
}

export async function createHttpApp(opts: HttpAppOptions): Promise<FastifyInstance> {
  const { services } = opts;
  const tenants = tenantCache(services.db);
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    forceCloseConnections: 'idle',
    // Requests that arrive while closing get our own 503 with the error shape (see onRequest).
    return503OnClosing: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : newId();
    },
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  const findRoute = installRouteTable(app);
  // URL patterns of the modules' root routes (outside /api): authenticated like API routes.
  const moduleRootRoutes = new Set<string>();
  const authenticates = (url: string | undefined) =>
    isApiRoute(url) || (url !== undefined && moduleRootRoutes.has(url));
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  // Set for every request in the first onRequest hook below; null only reserves the shape.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('tenant', null);
  app.decorateRequest('abilities', null as never);
  app.decorateRequest('useCase', null as never);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(opts.imgSources ?? [])],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Only where TLS is expected: a development server on plain http would break itself.
        upgradeInsecureRequests: services.config.devMode ? null : [],
      },
    },
    frameguard: { action: 'deny' },
    hsts: !services.config.devMode,
  });
  await app.register(cookie);
  installMetrics(app, { token: opts.metricsToken });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Zemstvo API',
        version: '0.1.0',
        description:
          'The Digital Municipality platform. Errors are always `{ "error": { "code", "message", "details" } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zs_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The explorer's own CSP (script hashes), made as strict as the app's: never framed, no third-party hosts.
    transformStaticCSP: (header) => {
      const strict = header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' validator.swagger.io', '');
      return services.config.devMode ? strict.replace(' upgrade-insecure-requests;', '') : strict;
    },
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (!opts.isReady()) return reply.status(503).send({ status: 'starting' });
    try {
      await services.db.query('SELECT 1');
    } catch {
      return reply.status(503).send({ status: 'database_unavailable' });
    }
    try {
      // A remote storage (an S3 bucket) must answer too: without it no file can be read or stored.
      await services.storage.ping?.();
    } catch {
      return reply.status(503).send({ status: 'storage_unavailable' });
    }
    return { status: 'ready', database: services.db.kind };
  });

  // Who is calling, in which municipality, with which abilities — before any handler runs.
  app.addHook('onRequest', async (req, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      throw new AppError('shutting_down', 'The server is shutting down; try again in a moment', 503);
    }
    req.actor = anonymous;
    req.abilities = Abilities.none;
    req.useCase = <T>(fn: (ctx: Ctx) => Promise<T>) =>
      services.db.transaction((tx) =>
        fn({
          actor: req.actor,
          tenant: req.tenant,
          tx,
          clock: services.clock,
          log: req.log,
          requestId: req.id,
        }),
      );
    // Decided by the matched route, not the raw URL: `/%61pi/…` routes to `/api/…` too.
    const route = req.routeOptions.url;
    if (!authenticates(route)) return;
    const auth = await opts.authenticate(req, services.db);
    req.actor = auth.actor;
    req.csrfToken = auth.csrfToken;
    if (
      UNSAFE.has(req.method) &&
      auth.csrfToken !== null &&
      !sameSecret(req.headers['x-csrf-token'], auth.csrfToken)
    )
      throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header for this session', 403);
    const slug = (req.params as Record<string, string | undefined>).municipality;
    if (slug !== undefined) {
      const tenant = MUNICIPALITY_SLUG.test(slug)
        ? await tenants.get(services.db, slug, () => opts.resolveTenant(services.db, slug))
        : null;
      if (!tenant) throw notFound('Municipality', 'municipality_not_found');
      req.tenant = tenant;
      req.abilities = await opts.resolveAbilities(services.db, req.actor, tenant);
    }
    // A route's requirePermission guard is checked now, before its body is read or validated.
    const permission = findRoute(req.method, route)?.permission;
    if (permission) await requirePermission(permission)(req);
  });

  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused before validation and handlers.
  app.addHook('preValidation', async (req) => {
    assertStorableText(req.params, 'params');
    assertStorableText(req.query, 'querystring');
    assertStorableText(req.body, 'body');
  });

  await app.register(
    async (api) => {
      for (const m of opts.modules) await m.routes?.(api.withTypeProvider(), services);
    },
    { prefix: '/api' },
  );
  for (const m of opts.modules) {
    const rootRoutes = m.rootRoutes;
    if (!rootRoutes) continue;
    await app.register(async (scope) => {
      scope.addHook('onRoute', (route) => {
        moduleRootRoutes.add(route.url);
      });
      await rootRoutes(scope.withTypeProvider(), services);
    });
  }

  if (opts.webDir && existsSync(opts.webDir)) await serveWebApp(app, opts.webDir);
  return app;
}
