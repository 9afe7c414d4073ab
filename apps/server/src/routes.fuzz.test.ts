import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteEntry } from '@zemstvo/http';
import { changedTables, makeFingerprint, type Fingerprint } from '@zemstvo/http/testing/fingerprint';
import {
  hostileBody,
  hostileHeaderValue,
  hostileQuery,
  hostileSegment,
  type HostileBody,
} from '@zemstvo/http/testing/hostile-input';
import { idsFromCollection, routeKey, toQueryString } from '@zemstvo/http/testing/route-requests';
import { isZodSchema, plausibleInput } from '@zemstvo/http/testing/valid-input';
import { openSession, SESSION_COOKIE, usersRepo } from '@zemstvo/identity';
import { newId } from '@zemstvo/kernel';
import { errorProblem, isPublicRoute, routesUnderTest } from './http-route-access.fixture.ts';
import { staffEmail } from './seed/demo-data.ts';
import { createTestPlatform, type TestSession } from './testing/index.ts';

/**
 * Hostile input on every route, as the municipality's admin (valid session and CSRF token) and as
 * an anonymous caller. Whatever arrives: never a 5xx, every refusal in the error shape without a
 * stack trace, and a refused request changes no data. FUZZ_RUNS and FUZZ_SEED explore further.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_123;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const p = await createTestPlatform();
afterAll(async () => p.close());
const routes = routesUnderTest(listRoutes(p.app));
const fingerprint = await makeFingerprint(p.db);
const operator = await p.loginAs('operator@demo.zemstvo.ru');
/**
 * A session for a demo user opened directly (the login route throttles, and a fuzzed logout may
 * end the admin's session many times over).
 */
async function openSessionFor(email: string): Promise<TestSession> {
  const s = await p.db.transaction(async (tx) => {
    const user = await usersRepo.byEmail(tx, email);
    if (!user) throw new Error(`no user ${email}`);
    return openSession(p.systemCtx(tx, 'fuzz'), user, null, 'fuzz');
  });
  const cookie = `${SESSION_COOKIE}=${s.token}`;
  return { cookie, csrfToken: s.csrfToken, headers: { cookie, 'x-csrf-token': s.csrfToken } };
}

let admin = await openSessionFor(staffEmail('admin', 'zarechny'));
const adminId = (await p.app.inject({ url: '/api/auth/me', headers: admin.headers })).json<{
  user: { id: string };
}>().user.id;

/**
 * Valid values of each path parameter: zarechny, and one of its objects: the last one listed and
 * never the admin's own user, so accepted mutations do not take the admin's rights away mid-run.
 */
async function validParamValues(route: RouteEntry): Promise<Record<string, string[]>> {
  const values: Record<string, string[]> = {};
  for (const name of route.params) {
    if (name === 'municipality') values[name] = ['zarechny'];
    else {
      const ids = route.tenant
        ? await idsFromCollection(p.app, routes, route, name, 'zarechny', operator.headers)
        : [];
      const usable = ids.filter((id) => id !== adminId);
      values[name] = [usable[usable.length - 1] ?? newId()];
    }
  }
  return values;
}

interface HostileRequest {
  params: Record<string, string>;
  wildcard: string;
  query: string;
  body: HostileBody;
  requestId: string | null;
  csrf: 'valid' | 'missing' | 'wrong';
  /** Per-IP throttles would otherwise answer most requests to the login routes with 429. */
  ip: string;
}

function requestArbitrary(route: RouteEntry, values: Record<string, string[]>): fc.Arbitrary<HostileRequest> {
  const schema = route.schema as { body?: unknown; querystring?: unknown } | undefined;
  const params: Record<string, fc.Arbitrary<string>> = {};
  for (const name of route.params) params[name] = hostileSegment(values[name]!);
  return fc.record({
    params: fc.record(params),
    wildcard: hostileSegment(['index.html', 'swagger-ui.css']),
    query: hostileQuery(
      isZodSchema(schema?.querystring) ? plausibleInput(schema.querystring).map(toQueryString) : null,
    ),
    body: hostileBody(isZodSchema(schema?.body) ? plausibleInput(schema.body) : null),
    requestId: fc.option(hostileHeaderValue),
    ip: fc.ipV4(),
    csrf: fc.oneof(
      { arbitrary: fc.constant('valid' as const), weight: 8 },
      fc.constant('missing' as const),
      fc.constant('wrong' as const),
    ),
  });
}

function toInject(route: RouteEntry, r: HostileRequest, session: TestSession | null): InjectOptions {
  const url = route.url
    .replace(/:([A-Za-z0-9_]+)/g, (_m, n: string) => r.params[n]!)
    .replace(/\*$/, r.wildcard);
  const headers: Record<string, string> = {};
  if (r.body.contentType !== undefined) headers['content-type'] = r.body.contentType;
  if (r.requestId !== null) headers['x-request-id'] = r.requestId;
  if (session) {
    headers.cookie = session.cookie;
    if (r.csrf === 'valid') headers['x-csrf-token'] = session.csrfToken;
    if (r.csrf === 'wrong') headers['x-csrf-token'] = `${session.csrfToken}x`;
  }
  return {
    method: route.method as InjectOptions['method'],
    url: url + r.query,
    remoteAddress: r.ip,
    headers,
    ...(r.body.payload === undefined ? {} : { payload: r.body.payload }),
  };
}

const describeRequest = (o: InjectOptions, res: LightMyRequestResponse) =>
  `${o.method} ${String(o.url).slice(0, 300)} ${JSON.stringify(o.headers)} body=${String(o.payload ?? '').slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 500)}`;

/** Whether the admin's session still works (a fuzzed logout may have ended it). */
async function keepAdminSignedIn(): Promise<void> {
  const me = await p.app.inject({ url: '/api/auth/me', headers: admin.headers });
  if (me.statusCode !== 200) admin = await openSessionFor(staffEmail('admin', 'zarechny'));
}

/** Mutations (POST, PUT, PATCH, DELETE) the handlers accepted: these may change data. */
const acceptedMutations = { admin: 0, anonymous: 0 };

describe.each(['admin', 'anonymous'] as const)('hostile input as %s', (actor) => {
  it.each(routes.map((r) => [routeKey(r), r] as const))('%s', async (_key, route) => {
    if (actor === 'admin') await keepAdminSignedIn();
    const values = await validParamValues(route);
    let baseline: Fingerprint = await fingerprint();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(route, values), async (r) => {
        const opts = toInject(route, r, actor === 'admin' ? admin : null);
        const res = await p.app.inject(opts);
        const what = describeRequest(opts, res);
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) expect(errorProblem(route, res), what).toBeNull();
        if (actor === 'anonymous' && !isPublicRoute(route))
          expect(res.statusCode < 200 || res.statusCode >= 300, what).toBe(true);
        const after = await fingerprint();
        if (res.statusCode >= 400) expect(changedTables(baseline, after), what).toEqual([]);
        else if (UNSAFE.has(route.method)) acceptedMutations[actor]++;
        baseline = after;
        if (actor === 'admin' && res.statusCode < 400 && UNSAFE.has(route.method)) {
          await keepAdminSignedIn();
          baseline = await fingerprint();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

// The fuzz must also get past validation sometimes, or it only ever tests the door.
it('got some mutations past validation into the handlers', () => {
  expect(acceptedMutations.admin).toBeGreaterThan(0);
});
