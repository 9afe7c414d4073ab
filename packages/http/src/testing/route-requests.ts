import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import type { RouteEntry } from '../route-table.ts';
import { isZodSchema, sampleValidInputs } from './valid-input.ts';

export const routeKey = (r: Pick<RouteEntry, 'method' | 'url'>) => `${r.method} ${r.url}`;

/** The route's URL with its parameters filled in (values are percent-encoded; `*` gets `wildcard`). */
export function fillUrl(
  url: string,
  params: Readonly<Record<string, string>>,
  wildcard = 'index.html',
): string {
  return url
    .replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`no value for :${name} in ${url}`);
      return encodeURIComponent(value);
    })
    .replace(/\*$/, wildcard);
}

/**
 * The list route that holds the objects a parameter names: for `/api/m/:municipality/members/:userId/roles`
 * and `userId`, it is `GET /api/m/:municipality/members`.
 */
export function collectionUrlOf(route: RouteEntry, param: string): string | null {
  const at = route.url.indexOf(`/:${param}`);
  return at > 0 ? route.url.slice(0, at) : null;
}

/** Reads the values of `param` (`id` → item.id, `userId` → item.userId) from the list route of a municipality. */
export async function idsFromCollection(
  app: FastifyInstance,
  routes: readonly RouteEntry[],
  route: RouteEntry,
  param: string,
  slug: string,
  headers: Record<string, string>,
): Promise<string[]> {
  const collection = collectionUrlOf(route, param);
  if (!collection || !routes.some((r) => r.method === 'GET' && r.url === collection)) return [];
  // A nested list (`/documents/:id/attachments`) is read under the first object of its parent list.
  const values: Record<string, string> = { municipality: slug };
  for (const [, name] of collection.matchAll(/:([A-Za-z0-9_]+)/g)) {
    if (name === undefined || name in values) continue;
    const parents = await idsFromCollection(app, routes, { ...route, url: collection }, name, slug, headers);
    if (!parents[0]) return [];
    values[name] = parents[0];
  }
  const res = await app.inject({ method: 'GET', url: fillUrl(collection, values), headers });
  if (res.statusCode !== 200) throw new Error(`GET ${collection} for ${slug}: ${res.statusCode} ${res.body}`);
  const body: unknown = res.json();
  const items: unknown[] = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items)
      ? (body as { items: unknown[] }).items
      : [];
  return items
    .map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>)[param] : undefined))
    .filter((v): v is string => typeof v === 'string');
}

/** Query strings carry text: a sampled query object becomes strings (arrays repeat the key). */
export function toQueryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v])
      search.append(k, typeof item === 'string' ? item : JSON.stringify(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** An accepted body and query for the route (from its zod schemas), for requests that must pass validation. */
export function validParts(route: RouteEntry, seed = 7): { body: unknown; query: string } {
  const schema = route.schema as { body?: unknown; querystring?: unknown } | undefined;
  const body = isZodSchema(schema?.body) ? sampleValidInputs(schema.body, 1, seed)[0] : undefined;
  const query = isZodSchema(schema?.querystring)
    ? toQueryString(sampleValidInputs(schema.querystring, 1, seed)[0])
    : '';
  return { body, query };
}

/** Injects a request to the route with the given params, headers and a valid query and body (or `bodyOverride`). */
export function injectValid(
  app: FastifyInstance,
  route: RouteEntry,
  params: Readonly<Record<string, string>>,
  headers: Record<string, string>,
  bodyOverride?: unknown,
): Promise<LightMyRequestResponse> {
  const parts = validParts(route);
  const query = parts.query;
  const body = bodyOverride === undefined ? parts.body : bodyOverride;
  const opts: InjectOptions = {
    method: route.method as InjectOptions['method'],
    url: fillUrl(route.url, params) + query,
    headers,
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  };
  return app.inject(opts);
}

const errorShape = z.object({
  error: z.strictObject({ code: z.string().min(1), message: z.string(), details: z.unknown().optional() }),
});

/** Null when the response is the platform's error shape without internals, else what is wrong. */
export function errorShapeProblem(res: LightMyRequestResponse): string | null {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json'))
    return `content-type ${res.headers['content-type']}`;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'body is not JSON';
  }
  const parsed = errorShape.safeParse(body);
  if (!parsed.success) return `not the error shape: ${res.body.slice(0, 200)}`;
  if (/\n\s+at |"stack"/.test(res.body)) return 'body carries a stack trace';
  return null;
}
