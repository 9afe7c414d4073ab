import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@zemstvo/db';
import { listRoutes, type RouteEntry } from '@zemstvo/http';
import { routeKey } from '@zemstvo/http/testing/route-requests';
import { LocalDiskStorage } from '@zemstvo/storage';
import { loadConfig } from './config.ts';
import { createPlatform, type Platform } from './platform.ts';
import { readDocPages, type DocPage } from './testing/doc-mentions.ts';
import { routeMentions } from './testing/doc-routes.ts';

/**
 * Building the route table needs no database: the platform gets one that refuses every call, so a
 * module that started querying while registering its routes would fail here, not pass silently.
 */
const refuse = (): never => {
  throw new Error('the route table is built without a database');
};
const noDatabase: Database = {
  kind: 'pglite',
  description: 'none (route table only)',
  transaction: refuse,
  query: refuse,
  exec: refuse,
  close: async () => {},
};

/**
 * Routes no page has to name: HEAD twins of GET routes, the API explorer (its own documentation,
 * named in api.md by URL) and catch-alls (the web app's `/*`, Open311's 404 for unknown paths).
 */
const needsNoDoc = (r: RouteEntry) =>
  r.method === 'HEAD' || r.url === '/api/docs' || r.url.startsWith('/api/docs/') || r.url.includes('*');

/** Routes that no docs/*.md page names as `METHOD /path`. */
function undocumented(routes: readonly RouteEntry[], pages: readonly DocPage[]): string[] {
  const named = new Set(routeMentions(pages, routes).flatMap((m) => m.routes.map(routeKey)));
  return routes.filter((r) => !needsNoDoc(r) && !named.has(routeKey(r))).map(routeKey);
}

/** Mentions that name no route of the app (with where they are written). */
function stale(routes: readonly RouteEntry[], pages: readonly DocPage[]): string[] {
  return routeMentions(pages, routes)
    .filter((m) => m.routes.length === 0)
    .map((m) => `${m.where} \`${m.text}\` (${m.method} ${m.path})`);
}

const page = (name: string, ...lines: string[]): DocPage => ({ name, text: lines.join('\n') });

describe('docs/*.md and the route table', () => {
  let platform: Platform;
  let routes: RouteEntry[];
  let pages: DocPage[];

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'zemstvo-docs-sync-')));
    platform = await createPlatform(config, { db: noDatabase, webDir: '/nonexistent', storage });
    routes = listRoutes(platform.app);
    pages = readDocPages();
  });
  afterAll(async () => platform.close());

  it('names every route the app registers as `METHOD /path` on some page', () => {
    expect(routes.length).toBeGreaterThan(100);
    // A failure lists the routes to describe, in the table of the page of their module.
    expect(undocumented(routes, pages)).toEqual([]);
  });

  it('names no route the app does not have', () => {
    // A failure lists `page:line`, the span as written and the path it was read as.
    expect(stale(routes, pages)).toEqual([]);
  });

  it('notices a route whose row is removed, and a row of a route that is gone', () => {
    const demoRow = /^\|\s*`GET \/api\/demo`.*$/m;
    const api = pages.find((p) => p.name === 'api.md')!;
    expect(api.text).toMatch(demoRow);
    const withoutRow = pages.map((p) => (p === api ? { ...p, text: p.text.replace(demoRow, '') } : p));
    const before = new Set(undocumented(routes, pages));
    expect(undocumented(routes, withoutRow).filter((r) => !before.has(r))).toEqual(['GET /api/demo']);

    const gone = page('gone.md', '| `DELETE /api/m/:m/inbox` | staff | empties the inbox |');
    expect(stale(routes, [gone])).toEqual(['gone.md:1 `DELETE /api/m/:m/inbox` (DELETE /api/m/{}/inbox)']);
  });

  it('reads the spellings the pages use', () => {
    const spelled = page(
      'spelled.md',
      '| `GET/POST /api/m/<municipality>/roles`, `PATCH …/roles/{id}` | `role.manage` | roles |',
      'See `POST\\|DELETE /api/m/zarechny/reports/:reportId/support` and `GET …/support`.',
      '| `GET /open311/v2/services/{service_code}.{json,xml}?jurisdiction_id=` | anyone | one service |',
      'Abbreviations resolve or are stale: `POST …/no-such-action`.',
    );
    const found = routeMentions([spelled], routes).map((m) => [m.method, m.routes.map((r) => r.url)]);
    expect(found).toEqual([
      ['GET', ['/api/m/:municipality/roles']],
      ['POST', ['/api/m/:municipality/roles']],
      ['PATCH', ['/api/m/:municipality/roles/:id']],
      ['POST', ['/api/m/:municipality/reports/:id/support']],
      ['DELETE', ['/api/m/:municipality/reports/:id/support']],
      ['GET', ['/api/m/:municipality/reports/:id/support']],
      ['GET', ['/open311/v2/services/:service_code.json']],
      ['GET', ['/open311/v2/services/:service_code.xml']],
      ['POST', []],
    ]);
  });
});
