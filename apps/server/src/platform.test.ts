import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './testing/index.ts';

describe('platform smoke', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(async () => p.close());

  it('answers health and readiness', async () => {
    expect((await p.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await p.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('lists the demo municipalities sorted in Russian order', async () => {
    const res = await p.app.inject('/api/municipalities');
    expect(res.json().items.map((m: { slug: string }) => m.slug)).toEqual(['zarechny', 'sosnovka']);
  });

  it('lets staff read their own departments and not another municipality’s', async () => {
    const s = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    const own = await p.app.inject({ url: '/api/m/zarechny/departments', headers: s.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBe(6);
    const other = await p.app.inject({ url: '/api/m/sosnovka/departments', headers: s.headers });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden');
  });

  it('tells the web app there are no map tiles when MAP_TILE_URL is not set', async () => {
    const res = await p.app.inject('/api/config');
    expect(res.json()).toEqual({ map: { tileUrl: null, attribution: null } });
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await p.app.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'route_not_found', message: 'No route GET /api/nope' } });
  });
});
