import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, fileAppeal, reportBody } from '@zemstvo/appeals/test/factories';

// ~0.0009° of latitude ≈ 100 m; ~0.0036° ≈ 400 m.
const BASE = { lat: 56.85, lon: 60.6 };
const at = (metersNorth: number) => ({ lat: BASE.lat + metersNorth / 111_195, lon: BASE.lon });

describe('similar documents and duplicate reports', () => {
  let p: TestPlatform;
  let resident: TestSession;
  let resident2: TestSession;
  let registrar: TestSession;
  let analyst: TestSession;
  let near: string;
  let far: string;
  let heating: string;
  let heating2: string;

  beforeAll(async () => {
    p = await createTestPlatform();
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    resident2 = await p.loginAs('resident2@demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    const register = async (id: string) =>
      expect(
        (
          await p.app.inject({
            method: 'POST',
            url: `/api/m/zarechny/appeals/${id}/register`,
            headers: registrar.headers,
            payload: {},
          })
        ).statusCode,
      ).toBe(200);
    near = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      reportBody(
        {},
        {
          location: at(100),
          text: 'Огромная яма на проезжей части у остановки, звоните +7 912 345-67-89',
        },
      ),
    );
    far = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      reportBody({}, { location: at(400), text: 'Яма на проезжей части у остановки' }),
    );
    heating = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      appealBody({}, { text: 'Прошу сделать перерасчёт платы за отопление в доме по улице Гранитной.' }),
    );
    heating2 = await fileAppeal(
      p,
      'zarechny',
      resident2.headers,
      appealBody({}, { text: 'Прошу перерасчёт платы за отопление, в квартире холодно, дом на Гранитной.' }),
    );
    for (const id of [near, far]) await register(id);
  });
  afterAll(async () => p.close());

  const duplicates = (body: object, slug = 'zarechny') =>
    p.app.inject({ method: 'POST', url: `/api/m/${slug}/appeals/duplicates`, payload: body });

  it('offers open public reports of the same category within 250 m, not 400 m, masked', async () => {
    const res = await duplicates({
      service: 'urban-reports',
      category: 'roads',
      ...BASE,
      text: 'Яма на дороге у остановки',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      radiusMeters: number;
      items: { id: string; distanceMeters: number; similarity: number; text: string }[];
    }>();
    expect(body.radiusMeters).toBe(250);
    const ids = body.items.map((i) => i.id);
    expect(ids).toContain(near);
    expect(ids).not.toContain(far);
    const hit = body.items.find((i) => i.id === near)!;
    expect(hit.distanceMeters).toBeGreaterThan(90);
    expect(hit.distanceMeters).toBeLessThan(110);
    expect(hit.similarity).toBeGreaterThan(0);
    expect(hit.text).not.toMatch(/345-67/);
  });

  it('ignores another category and refuses unknown services and categories', async () => {
    const other = await duplicates({ service: 'urban-reports', category: 'landscaping', ...BASE });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(near);
    expect((await duplicates({ service: 'appeals-59fz', category: 'housing', ...BASE })).statusCode).toBe(
      404,
    );
    expect((await duplicates({ service: 'urban-reports', category: 'nope', ...BASE })).statusCode).toBe(400);
    expect(
      (await duplicates({ service: 'urban-reports', category: 'roads', lat: 95, lon: 0 })).statusCode,
    ).toBe(400);
  });

  it('lets residents support a report instead of filing it again, once each', async () => {
    const support = (who: TestSession, method: 'POST' | 'DELETE' = 'POST', id = near) =>
      p.app.inject({ method, url: `/api/m/zarechny/reports/${id}/support`, headers: who.headers });
    expect((await support(resident2)).json()).toEqual({ count: 1, supportedByMe: true });
    expect((await support(resident2)).json()).toEqual({ count: 1, supportedByMe: true });
    expect((await support(resident)).json()).toEqual({ count: 2, supportedByMe: true });
    expect((await p.app.inject({ url: `/api/m/zarechny/reports/${near}/support` })).json()).toEqual({
      count: 2,
      supportedByMe: false,
    });
    const res = await duplicates({ service: 'urban-reports', category: 'roads', ...BASE });
    expect(
      res.json<{ items: { id: string; supporters: number }[] }>().items.find((i) => i.id === near)!
        .supporters,
    ).toBe(2);
    expect((await support(resident, 'DELETE')).json()).toEqual({ count: 1, supportedByMe: false });
    // Not a public report (a 59-FZ appeal), and staff do not "support".
    expect((await support(resident2, 'POST', heating)).statusCode).toBe(404);
    expect((await support(analyst)).statusCode).toBe(403);
    expect(
      (await p.app.inject({ method: 'POST', url: `/api/m/zarechny/reports/${near}/support` })).statusCode,
    ).toBe(401);
  });

  it('finds similar documents of the municipality for staff, best first', async () => {
    const res = await p.app.inject({
      url: `/api/m/zarechny/documents/${heating}/similar`,
      headers: analyst.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { id: string; score: number }[] }>().items;
    expect(items.length).toBeLessThanOrEqual(10);
    expect(items.map((i) => i.id)).not.toContain(heating);
    expect(items[0]!.id).toBe(heating2);
    expect(items[0]!.score).toBeGreaterThan(0);
    expect(
      (await p.app.inject({ url: `/api/m/zarechny/documents/${heating}/similar`, headers: resident.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await p.app.inject({
          url: `/api/m/sosnovka/documents/${heating}/similar`,
          headers: (await p.loginAs('analyst@sosnovka.demo.zemstvo.ru')).headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});
