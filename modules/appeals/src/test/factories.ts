import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '@zemstvo/db';
import type { Ctx, Sql } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';

/** What the factories need of a platform (a test platform fits). */
export interface PlatformLike {
  db: Database;
  app: { inject(opts: object): Promise<LightMyRequestResponse> };
  systemCtx(tx: Sql, name: string): Ctx;
}

/** A 59-FZ appeal as the web form sends it. */
export const appealBody = (over: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) => ({
  service: 'appeals-59fz',
  category: 'housing',
  theme: 'utilities',
  fields: {
    last_name: 'Жителева',
    first_name: 'Елена',
    email: 'resident@demo.zemstvo.ru',
    text: 'Прошу сделать перерасчёт платы за отопление.',
    ...fields,
  },
  ...over,
});

/** A map report as the web form sends it. */
export const reportBody = (over: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) => ({
  service: 'urban-reports',
  category: 'roads',
  theme: 'pothole',
  fields: { location: { lat: 56.81, lon: 61.32 }, text: 'Яма на дороге у остановки.', ...fields },
  ...over,
});

/** POST /api/m/:m/appeals with the caller's headers (none: anonymous). */
export function postAppeal(
  p: PlatformLike,
  slug: string,
  body: unknown,
  headers: Record<string, string> = {},
  remoteAddress = '203.0.113.7',
): Promise<LightMyRequestResponse> {
  return p.app.inject({
    method: 'POST',
    url: `/api/m/${slug}/appeals`,
    payload: body,
    headers,
    remoteAddress,
  });
}

/** Files an appeal and returns its id (throws on refusal). */
export async function fileAppeal(
  p: PlatformLike,
  slug: string,
  headers: Record<string, string>,
  body: unknown = appealBody(),
): Promise<string> {
  const res = await postAppeal(p, slug, body, headers);
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  return res.json<{ appeal: { id: string } }>().appeal.id;
}

/** Runs `fn` in one transaction as the system, inside a municipality. */
export async function asSystemIn<T>(p: PlatformLike, slug: string, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return p.db.transaction(async (tx) => {
    const tenant = await tenancyRepo.tenantBySlug(tx, slug);
    if (!tenant) throw new Error(`no municipality ${slug}`);
    return fn({ ...p.systemCtx(tx, 'test'), tenant });
  });
}
