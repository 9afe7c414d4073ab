import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { permissionOf } from './guards.ts';

/** One registered route, as the safety-net tests and the request pipeline see it. */
export interface RouteEntry {
  /** Upper-case HTTP method (one entry per method of a multi-method route). */
  method: string;
  /** The full URL pattern with its prefix, e.g. `/api/m/:municipality/departments/:id`. */
  url: string;
  /** Names of the path parameters in order, e.g. `['municipality', 'id']`. */
  params: string[];
  /** The permission of a `requirePermission(…)` guard on the route, if it has one. */
  permission: string | null;
  /** Acts inside a municipality (has a `:municipality` parameter). */
  tenant: boolean;
  /** Hidden from the OpenAPI document (`schema.hide`). */
  hidden: boolean;
  /** The route's schema as declared (zod schemas with the zod type provider). */
  schema: FastifySchema | undefined;
}

const tables = new WeakMap<FastifyInstance, Map<string, RouteEntry>>();
const key = (method: string, url: string) => `${method} ${url}`;

function guardPermission(hooks: RouteOptions['preHandler']): string | null {
  const list = Array.isArray(hooks) ? hooks : hooks ? [hooks] : [];
  for (const hook of list) {
    const permission = permissionOf(hook);
    if (permission) return permission;
  }
  return null;
}

/**
 * Records every route registered after this call (an `onRoute` hook on the root instance sees the
 * routes of all plugins). Must be installed before any route is added. Returns the lookup of a
 * matched route by `req.method` and `req.routeOptions.url`.
 */
export function installRouteTable(
  app: FastifyInstance,
): (method: string, url: string | undefined) => RouteEntry | undefined {
  const table = new Map<string, RouteEntry>();
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const params = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    const permission = guardPermission(route.preHandler);
    const schema = route.schema;
    const hidden = Boolean(schema && (schema as { hide?: boolean }).hide);
    for (const method of methods) {
      const entry: RouteEntry = {
        method: method.toUpperCase(),
        url: route.url,
        params,
        permission,
        tenant: params.includes('municipality'),
        hidden,
        schema,
      };
      table.set(key(entry.method, entry.url), entry);
    }
  });
  return (method, url) => (url === undefined ? undefined : table.get(key(method, url)));
}

/** Every route of an app built by `createHttpApp`, in registration order. */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  return [...(tables.get(app)?.values() ?? [])];
}
