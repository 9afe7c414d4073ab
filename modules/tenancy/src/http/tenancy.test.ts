import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';

describe('tenancy http', () => {
  let p: TestPlatform;
  let admin: TestSession;
  let operator: TestSession;
  beforeAll(async () => {
    p = await createTestPlatform();
    admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    operator = await p.loginAs('operator@demo.zemstvo.ru');
  });
  afterAll(async () => p.close());

  const post = (s: TestSession, url: string, payload: object, method: 'POST' | 'PATCH' | 'PUT' = 'POST') =>
    p.app.inject({ method, url, payload, headers: s.headers });

  it('creates a department tree and refuses cycles and foreign parents', async () => {
    const parent = await post(admin, '/api/m/zarechny/departments', {
      nameRu: 'Комитет',
      nameEn: 'Committee',
    });
    expect(parent.statusCode).toBe(201);
    const child = await post(admin, '/api/m/zarechny/departments', {
      nameRu: 'Сектор',
      nameEn: 'Sector',
      parentId: parent.json().id,
    });
    expect(child.statusCode).toBe(201);
    const cycle = await post(
      admin,
      `/api/m/zarechny/departments/${parent.json().id}`,
      { parentId: child.json().id },
      'PATCH',
    );
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('department_cycle');

    const s2 = await p.loginAs('admin@sosnovka.demo.zemstvo.ru');
    const foreign = await post(s2, '/api/m/sosnovka/departments', {
      nameRu: 'Чужой',
      nameEn: 'Foreign',
      parentId: parent.json().id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('parent_not_found');
  });

  it('sorts departments in Russian alphabetical order', async () => {
    for (const n of ['Ёлочный отдел', 'Елисеевский отдел', 'Жилищный отдел'])
      await post(admin, '/api/m/zarechny/departments', { nameRu: n, nameEn: n });
    const names: string[] = (
      await p.app.inject({ url: '/api/m/zarechny/departments', headers: admin.headers })
    )
      .json()
      .items.map((d: { nameRu: string }) => d.nameRu);
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'ru'));
    expect(names).toEqual(sorted);
  });

  it('validates role permissions against the registry and grants them', async () => {
    const bad = await post(admin, '/api/m/zarechny/roles', {
      key: 'clerk',
      nameRu: 'Клерк',
      nameEn: 'Clerk',
      permissions: ['nope.nope'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown_permission');
    const ok = await post(admin, '/api/m/zarechny/roles', {
      key: 'clerk',
      nameRu: 'Клерк',
      nameEn: 'Clerk',
      permissions: ['department.manage'],
    });
    expect(ok.statusCode).toBe(201);
    const dup = await post(admin, '/api/m/zarechny/roles', {
      key: 'clerk',
      nameRu: 'К',
      nameEn: 'C',
      permissions: [],
    });
    expect(dup.statusCode).toBe(409);

    // Give the deputy the clerk role: dependencies (department.view) come with department.manage.
    const deputy = await p.loginAs('deputy@zarechny.demo.zemstvo.ru');
    const before = await p.app.inject({ url: '/api/m/zarechny', headers: deputy.headers });
    expect(before.json().abilities).not.toContain('department.manage');
    const me = await p.app.inject({ url: '/api/auth/me', headers: deputy.headers });
    const set = await post(
      admin,
      `/api/m/zarechny/members/${me.json().user.id}/roles`,
      { roleKeys: ['deputy', 'clerk'] },
      'PUT',
    );
    expect(set.statusCode).toBe(200);
    expect(set.json().roleKeys).toEqual(['clerk', 'deputy']);
    const after = await p.app.inject({ url: '/api/m/zarechny', headers: deputy.headers });
    expect(after.json().abilities).toEqual(
      expect.arrayContaining(['department.manage', 'department.view', 'municipality.view']),
    );
  });

  it('lists colleagues by name and role without e-mails, filtered by a permission they hold', async () => {
    const executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
    const all = await p.app.inject({ url: '/api/m/zarechny/colleagues', headers: executor.headers });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.length).toBeGreaterThan(3);
    expect(JSON.stringify(all.json())).not.toContain('@');
    const approvers = await p.app.inject({
      url: '/api/m/zarechny/colleagues?permission=document.approve',
      headers: executor.headers,
    });
    const keys = approvers.json().items.map((x: { roleKeys: string[] }) => x.roleKeys);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toContain('approver');
    const foreign = await p.app.inject({ url: '/api/m/sosnovka/colleagues', headers: executor.headers });
    expect(foreign.statusCode).toBe(403);
    const bad = await p.app.inject({
      url: '/api/m/zarechny/colleagues?permission=DROP%20TABLE',
      headers: executor.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets only operators create regions and municipalities', async () => {
    const denied = await post(admin, '/api/regions', { slug: 'north', nameRu: 'Север', nameEn: 'North' });
    expect(denied.statusCode).toBe(403);
    expect(
      (await post(operator, '/api/regions', { slug: 'north', nameRu: 'Север', nameEn: 'North' })).statusCode,
    ).toBe(201);
    const m = await post(operator, '/api/municipalities', {
      regionSlug: 'north',
      slug: 'polyarny',
      nameRu: 'Полярный',
      nameEn: 'Polyarny',
    });
    expect(m.statusCode).toBe(201);
    const again = await post(operator, '/api/municipalities', {
      regionSlug: 'north',
      slug: 'polyarny',
      nameRu: 'П',
      nameEn: 'P',
    });
    expect(again.statusCode).toBe(409);
    const noRegion = await post(operator, '/api/municipalities', {
      regionSlug: 'south',
      slug: 'yuzhny',
      nameRu: 'Ю',
      nameEn: 'Y',
    });
    expect(noRegion.json().error.code).toBe('region_not_found');
    const roles = await p.app.inject({ url: '/api/m/polyarny/roles', headers: operator.headers });
    expect(roles.json().items.map((r: { key: string }) => r.key)).toEqual(['admin']);
  });

  it('shows regional staff their region read-only', async () => {
    const region = await p.loginAs('region@demo.zemstvo.ru');
    const view = await p.app.inject({ url: '/api/m/sosnovka/departments', headers: region.headers });
    expect(view.statusCode).toBe(200);
    const write = await post(region, '/api/m/sosnovka/departments', { nameRu: 'Х', nameEn: 'X' });
    expect(write.statusCode).toBe(403);
  });
});
