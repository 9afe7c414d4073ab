import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpApp,
  listRoutes,
  municipalityParam,
  uuidSchema,
  type RouteEntry,
  type ZemstvoModule,
} from '@zemstvo/http';
import { changedTables, makeFingerprint, type Fingerprint } from '@zemstvo/http/testing/fingerprint';
import {
  collectionUrlOf,
  fillUrl,
  idsFromCollection,
  injectValid,
  routeKey,
} from '@zemstvo/http/testing/route-requests';
import { makeAuthenticate } from '@zemstvo/identity';
import { newId } from '@zemstvo/kernel';
import { makeResolveAbilities, tenancyRepo } from '@zemstvo/tenancy';
import {
  anonymousRefusals,
  errorProblem,
  isPrivilegedRoute,
  isPublicRoute,
  listedRouteKeys,
  objectMaker,
  routesUnderTest,
  sampleBody,
} from './http-route-access.fixture.ts';
import { modules } from './modules.ts';
import { demoRoles, staffEmail } from './seed/demo-data.ts';
import { createTestPlatform, type TestPlatform, type TestSession } from './testing/index.ts';

/** An app under test and the callers the checks use. */
interface World {
  platform: TestPlatform;
  app: FastifyInstance;
  /** Objects made by the fixture's makers, by `METHOD url :param`. */
  made: Map<string, string[]>;
  routes: RouteEntry[];
  operator: TestSession;
  sosnovkaAdmin: TestSession;
  resident: TestSession;
  zarechnyStaff: { role: string; session: TestSession }[];
  zarechnyAdminAbilities: Set<string>;
}

const adminOf = (w: World) => w.zarechnyStaff.find((s) => s.role === 'admin')!.session;

/** Params of a route in a municipality: real ids of that municipality's objects where a list route has them. */
async function realParams(w: World, route: RouteEntry, slug: string): Promise<Record<string, string>> {
  const params: Record<string, string> = { municipality: slug };
  for (const name of route.params.filter((n) => n !== 'municipality')) {
    const ids = route.tenant
      ? await idsFromCollection(w.app, w.routes, route, name, slug, w.operator.headers)
      : [];
    params[name] = ids[0] ?? newId();
  }
  return params;
}

/**
 * Ids of sosnovka's objects for a route parameter: from its GET list route; else one object made
 * by the fixture's maker for that parameter, or created through the list's POST route.
 */
async function sosnovkaIds(w: World, route: RouteEntry, name: string): Promise<string[]> {
  const list = () => idsFromCollection(w.app, w.routes, route, name, 'sosnovka', w.operator.headers);
  const listed = await list();
  if (listed.length) return listed;
  const cacheKey = `${routeKey(route)} :${name}`;
  const made = w.made.get(cacheKey);
  if (made) return made;
  const maker = objectMaker(route, name);
  if (maker) {
    const ids = [await maker(w.platform, 'sosnovka')];
    w.made.set(cacheKey, ids);
    return ids;
  }
  const create = w.routes.find((r) => r.method === 'POST' && r.url === collectionUrlOf(route, name));
  for (const caller of create ? [w.sosnovkaAdmin, w.operator] : []) {
    const res = await injectValid(
      w.app,
      create!,
      { municipality: 'sosnovka' },
      caller.headers,
      sampleBody(create!),
    );
    if (res.statusCode < 300) return list();
  }
  return [];
}

/** Makes sure sosnovka has an object behind every id parameter (run before measuring data changes). */
async function prepareForeignObjects(w: World): Promise<void> {
  for (const route of w.routes.filter((r) => r.tenant && r.params.length > 1))
    for (const name of route.params.filter((n) => n !== 'municipality')) await sosnovkaIds(w, route, name);
}

// Each check walks the route table and returns what is wrong, one line per failure.

async function crossTenantFailures(w: World): Promise<string[]> {
  const failures: string[] = [];
  for (const route of w.routes.filter((r) => r.tenant && !isPublicRoute(r))) {
    const params = await realParams(w, route, 'sosnovka');
    for (const { role, session } of w.zarechnyStaff) {
      const res = await injectValid(w.app, route, params, session.headers, sampleBody(route));
      const problem = [403, 404].includes(res.statusCode)
        ? errorProblem(route, res)
        : `status ${res.statusCode}`;
      if (problem) failures.push(`${routeKey(route)} as zarechny ${role}: ${problem}`);
    }
  }
  return failures;
}

async function foreignIdFailures(w: World): Promise<string[]> {
  const failures: string[] = [];
  for (const route of w.routes.filter((r) => r.tenant && !isPublicRoute(r) && r.params.length > 1)) {
    const caller =
      route.permission === null || w.zarechnyAdminAbilities.has(route.permission) ? adminOf(w) : w.operator;
    const params = await realParams(w, route, 'zarechny');
    for (const name of route.params.filter((n) => n !== 'municipality')) {
      const own = new Set(
        await idsFromCollection(w.app, w.routes, route, name, 'zarechny', w.operator.headers),
      );
      const foreign = (await sosnovkaIds(w, route, name)).filter((id) => !own.has(id));
      if (!foreign.length) {
        failures.push(
          `${routeKey(route)}: no sosnovka object for :${name} to try; add a GET list route, or a maker in http-route-access.fixture.ts`,
        );
        continue;
      }
      const res = await injectValid(
        w.app,
        route,
        { ...params, [name]: foreign[0]! },
        caller.headers,
        sampleBody(route),
      );
      const problem =
        res.statusCode === 404 ? errorProblem(route, res) : `status ${res.statusCode} ${res.body}`;
      if (problem) failures.push(`${routeKey(route)} with sosnovka's :${name}: ${problem}`);
    }
  }
  return failures;
}

async function residentFailures(w: World): Promise<string[]> {
  const failures: string[] = [];
  for (const route of w.routes.filter(isPrivilegedRoute)) {
    const res = await injectValid(
      w.app,
      route,
      await realParams(w, route, 'zarechny'),
      w.resident.headers,
      sampleBody(route),
    );
    const problem = [401, 403].includes(res.statusCode)
      ? errorProblem(route, res)
      : `status ${res.statusCode}`;
    if (problem) failures.push(`${routeKey(route)}: ${problem}`);
  }
  return failures;
}

async function anonymousFailures(w: World): Promise<string[]> {
  const failures: string[] = [];
  for (const route of w.routes.filter((r) => !isPublicRoute(r))) {
    const res = await injectValid(
      w.app,
      route,
      await realParams(w, route, 'zarechny'),
      {},
      sampleBody(route),
    );
    const problem = anonymousRefusals(route).includes(res.statusCode)
      ? errorProblem(route, res)
      : `status ${res.statusCode}`;
    if (problem) failures.push(`${routeKey(route)}: ${problem}`);
  }
  return failures;
}

async function makeWorld(p: TestPlatform, app: FastifyInstance): Promise<World> {
  const zarechnyStaff: World['zarechnyStaff'] = [];
  for (const { key } of demoRoles)
    zarechnyStaff.push({ role: key, session: await p.loginAs(staffEmail(key, 'zarechny')) });
  const admin = zarechnyStaff.find((s) => s.role === 'admin')!.session;
  const card = await app.inject({ url: '/api/m/zarechny', headers: admin.headers });
  return {
    platform: p,
    app,
    made: new Map(),
    routes: routesUnderTest(listRoutes(app)),
    operator: await p.loginAs('operator@demo.zemstvo.ru'),
    sosnovkaAdmin: await p.loginAs(staffEmail('admin', 'sosnovka')),
    resident: await p.loginAs('resident@demo.zemstvo.ru'),
    zarechnyStaff,
    zarechnyAdminAbilities: new Set((card.json() as { abilities: string[] }).abilities),
  };
}

/**
 * Tenant isolation, generic over the route table: every route registered by any module is walked,
 * so a new route that forgets its guard (or its municipality filter on ids) fails here.
 */
describe('tenant isolation over every route', () => {
  let p: TestPlatform;
  let w: World;
  let fingerprint: () => Promise<Fingerprint>;

  beforeAll(async () => {
    p = await createTestPlatform();
    w = await makeWorld(p, p.app);
    fingerprint = await makeFingerprint(p.db);
  });
  afterAll(async () => p.close());

  /** Runs a check and asserts it found nothing and that the refused requests left every table as it was. */
  async function expectClean(check: (w: World) => Promise<string[]>): Promise<void> {
    const before = await fingerprint();
    expect(await check(w)).toEqual([]);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  }

  it('enumerates every route, the known ones included', () => {
    const keys = new Set(w.routes.map(routeKey));
    expect(w.routes.length).toBeGreaterThanOrEqual(30);
    for (const known of [
      'GET /api/m/:municipality/departments',
      'PATCH /api/m/:municipality/departments/:id',
      'PUT /api/m/:municipality/members/:userId/roles',
      'GET /api/m/:municipality/audit',
      'POST /api/regions',
      'GET /api/auth/me',
      'GET /api/demo',
      'GET /metrics',
    ])
      expect(keys, known).toContain(known);
    for (const listed of listedRouteKeys())
      expect(keys, `listed route ${listed} must exist`).toContain(listed);
    expect(w.routes.find((r) => routeKey(r) === 'POST /api/m/:municipality/departments')?.permission).toBe(
      'department.manage',
    );
  });

  it('refuses every staff member of zarechny on every non-public route of sosnovka (403/404)', async () => {
    await expectClean(crossTenantFailures);
  });

  it('does not find another municipality’s objects by id inside the caller’s own municipality (404)', async () => {
    expect(w.routes.some((r) => r.tenant && r.params.length > 1)).toBe(true);
    await prepareForeignObjects(w);
    await expectClean(foreignIdFailures);
  });

  it('never gives a resident a 2xx on a staff or operator endpoint (401/403)', async () => {
    await expectClean(residentFailures);
  });

  it('answers 401 to an anonymous caller on every endpoint that is not public', async () => {
    await expectClean(anonymousFailures);
  });

  it('lets anonymous callers use the public routes without signing in', async () => {
    const failures: string[] = [];
    for (const route of w.routes.filter(isPublicRoute)) {
      const res = await injectValid(
        w.app,
        route,
        await realParams(w, route, 'zarechny'),
        {},
        sampleBody(route),
      );
      const refused =
        res.statusCode === 401 && res.json<{ error: { code: string } }>().error.code === 'unauthenticated';
      if (refused || res.statusCode >= 500) failures.push(`${routeKey(route)}: status ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('checks a route’s permission before reading its body, so outsiders learn nothing from validation', async () => {
    const garbage = { nameRu: 5, parentId: 'not-a-uuid', extra: { deep: [1, 2, 3] } };
    const url = (municipality: string) => fillUrl('/api/m/:municipality/departments', { municipality });
    const post = (m: string, headers: Record<string, string>) =>
      p.app.inject({ method: 'POST', url: url(m), headers, payload: garbage });
    expect((await post('sosnovka', adminOf(w).headers)).statusCode).toBe(403);
    expect((await post('sosnovka', {})).statusCode).toBe(401);
    const executor = w.zarechnyStaff.find((s) => s.role === 'executor')!.session;
    const own = await post('zarechny', executor.headers);
    expect([own.statusCode, own.json().error.code]).toEqual([403, 'forbidden']);
    // With the permission, the same body is a validation error.
    const admin = await post('zarechny', adminOf(w).headers);
    expect([admin.statusCode, admin.json().error.code]).toEqual([400, 'validation_failed']);
  });

  it('authenticates by the matched route, whatever the spelling of the URL', async () => {
    const own = await p.app.inject({ url: '/%61pi/m/zarechny/departments', headers: adminOf(w).headers });
    expect(own.statusCode).toBe(200);
    const other = await p.app.inject({ url: '/%61pi/m/sosnovka/departments', headers: adminOf(w).headers });
    expect(other.statusCode).toBe(403);
  });
});

/**
 * The checks above must catch a route that forgets its guard or its municipality filter: the same
 * checks run on an app with deliberately leaky routes added, and must name them.
 */
describe('the isolation checks catch leaky routes', () => {
  let p: TestPlatform;
  let leaky: FastifyInstance;
  let w: World;

  const leakyModule: ZemstvoModule = {
    name: 'leaky',
    routes: (app) => {
      // Forgot requirePermission: anyone reads any municipality's departments.
      app.get('/m/:municipality/leaks', { schema: { params: municipalityParam } }, async (req) => ({
        items: await req.useCase((ctx) => tenancyRepo.listDepartments(ctx.tx, ctx.tenant!.municipalityId)),
      }));
      // Looks the id up without the municipality: finds another municipality's department.
      app.get(
        '/m/:municipality/leaks/:id',
        { schema: { params: municipalityParam.extend({ id: uuidSchema }) } },
        async (req) =>
          req.useCase(async (ctx) => {
            const rows = await ctx.tx.query('SELECT id, name_en FROM departments WHERE id = $1', [
              req.params.id,
            ]);
            return { found: rows.length };
          }),
      );
    },
  };

  beforeAll(async () => {
    p = await createTestPlatform();
    leaky = await createHttpApp({
      services: p.services,
      modules: [...modules, leakyModule],
      authenticate: makeAuthenticate(p.clock),
      resolveTenant: (sql, slug) => tenancyRepo.tenantBySlug(sql, slug),
      resolveAbilities: makeResolveAbilities(p.services.permissions),
      isReady: () => true,
    });
    await leaky.ready();
    w = await makeWorld(p, leaky);
  });
  afterAll(async () => {
    await leaky.close();
    await p.close();
  });

  it('names the unguarded and the unfiltered routes', async () => {
    const named = (failures: string[], route: string) => failures.some((f) => f.startsWith(route));
    expect(named(await anonymousFailures(w), 'GET /api/m/:municipality/leaks')).toBe(true);
    expect(named(await residentFailures(w), 'GET /api/m/:municipality/leaks')).toBe(true);
    expect(named(await crossTenantFailures(w), 'GET /api/m/:municipality/leaks')).toBe(true);
    await prepareForeignObjects(w);
    expect(named(await foreignIdFailures(w), 'GET /api/m/:municipality/leaks/:id')).toBe(true);
  });
});
