import type { RouteEntry } from '@zemstvo/http';
import { docSnippets, type DocPage } from './doc-mentions.ts';

/**
 * How the docs name a route, and how such a name is matched against the route table.
 *
 * A mention is a code span (or a table cell) that starts with `METHOD /path`:
 * - several methods may share the path: `GET/POST /api/m/:m/roles`, `POST|DELETE …`;
 * - a parameter may be spelled `:name`, `{name}` or `<name>`, with any name (`:m` for
 *   `:municipality`), or be an example value (`/api/m/zarechny/inbox`);
 * - `{json,xml}` (a comma inside braces) stands for each of its alternatives;
 * - a query (`?limit=`) or a body after a space (`{timeZone}`) is not part of the path;
 * - `…/tail` abbreviates an earlier mention on the same page, the nearest it fits: it names the
 *   route made of a leading part of that mention's path and the tail (`GET /api/m/:m/appeals/:id`,
 *   then `POST …/register`).
 */
export interface RouteMention {
  where: string;
  /** As written, for failure messages. */
  text: string;
  method: string;
  /** The path with every parameter spelled `{}`; for an abbreviation, the resolved full path. */
  path: string;
  /** The routes it names (none: a stale mention). */
  routes: RouteEntry[];
}

const METHOD = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS';
const MENTION = new RegExp(`^((?:${METHOD})(?:\\s*[/|,]\\s*(?:${METHOD}))*)\\s+((?:…|\\.\\.\\.)?/[^\\s?#]*)`);
const PARAM = /:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\}|<[^<>/]+>/g;

/** `/a/{json,xml}` → `/a/json`, `/a/xml` (every alternative of every brace group with a comma). */
function expandAlternatives(path: string): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(path);
  if (!m) return [path];
  return m[1]!
    .split(',')
    .flatMap((alt) =>
      expandAlternatives(path.slice(0, m.index) + alt.trim() + path.slice(m.index + m[0].length)),
    );
}

const normalize = (path: string) =>
  (path.replace(PARAM, '{}').replace(/(.)\/$/, '$1') || '/').replace(/\\/g, '');

/**
 * A route's URL as a pattern over written paths: a parameter matches a written parameter (`{}`)
 * when strict, any segment text (an example value) when not.
 */
function routePattern(url: string, strict: boolean): RegExp {
  const parts = url.split(/(:[A-Za-z0-9_]+)/);
  const param = strict ? '\\{\\}' : '[^/]+';
  const body = parts
    .map((part, i) => (i % 2 === 1 ? param : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

type Match = (method: string, path: string, strict: boolean) => RouteEntry[];

/** Matches written paths against the concrete routes (catch-alls name no route of their own). */
function routeMatcher(routes: readonly RouteEntry[]): Match {
  const concrete = routes
    .filter((r) => !r.url.includes('*'))
    .map((r) => ({ route: r, strict: routePattern(r.url, true), loose: routePattern(r.url, false) }));
  return (method, path, strict) =>
    concrete
      .filter((c) => c.route.method === method && (strict ? c.strict : c.loose).test(path))
      .map((c) => c.route);
}

/** Every route mention of the pages, resolved against the route table. */
export function routeMentions(pages: readonly DocPage[], routes: readonly RouteEntry[]): RouteMention[] {
  const match = routeMatcher(routes);
  const mentions: RouteMention[] = [];
  for (const page of pages) {
    const earlier: string[] = [];
    for (const { where, text } of docSnippets(page)) {
      const m = MENTION.exec(text.replace(/\\\|/g, '|'));
      if (!m) continue;
      const methods = m[1]!.split(/\s*[/|,]\s*/);
      const written = m[2]!.replace(/^\.\.\./, '…').replace(/[,.;)]+$/, '');
      for (const variant of expandAlternatives(written)) {
        for (const method of methods) {
          const path = normalize(variant.replace(/^…/, ''));
          const found = variant.startsWith('…')
            ? resolveAbbreviation(earlier, path, (p, strict) => match(method, p, strict))
            : { path, routes: firstNonEmpty([true, false].map((strict) => match(method, path, strict))) };
          mentions.push({ where, text: m[0], method, ...found });
        }
      }
      const last = mentions.at(-1);
      if (last?.routes.length || (last && !written.startsWith('…'))) earlier.push(last.path);
    }
  }
  return mentions;
}

const firstNonEmpty = <T>(lists: T[][]): T[] => lists.find((l) => l.length > 0) ?? [];

/**
 * `…/tail` after `/a/b/c`: the first of `/a/b/c/tail`, `/a/b/tail`, `/a/tail`, `/tail` that is a
 * route; if none is, the same with the mention before, and so on (prose after a table abbreviates
 * the table's paths). Parameters written as parameters are tried first: `…/reports.geojson` after
 * `/api/m/:m/reports` is not `/api/m/:m/reports/:id` with the id `reports.geojson`.
 */
function resolveAbbreviation(
  earlier: readonly string[],
  tail: string,
  match: (path: string, strict: boolean) => RouteEntry[],
): { path: string; routes: RouteEntry[] } {
  for (const strict of [true, false])
    for (const previous of earlier.toReversed()) {
      const segments = previous.split('/').slice(1);
      for (let keep = segments.length; keep >= 0; keep--) {
        const path = `/${[...segments.slice(0, keep), ...tail.split('/').slice(1)].join('/')}`;
        const routes = match(path, strict);
        if (routes.length) return { path, routes };
      }
    }
  return { path: `${earlier.at(-1) ?? '(no full path before it on the page)'} + …${tail}`, routes: [] };
}
