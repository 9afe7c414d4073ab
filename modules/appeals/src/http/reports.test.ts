import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, fileAppeal, reportBody } from '../test/factories.ts';

describe('public map of reports (GET /api/m/:m/reports)', () => {
  let p: TestPlatform;
  let resident: TestSession;
  let registrar: TestSession;
  let shown: string;
  let far: string;
  let unregistered: string;
  let hidden: string;
  let appeal: string;

  beforeAll(async () => {
    p = await createTestPlatform();
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
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
    shown = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      reportBody(
        {},
        {
          location: { lat: 10.5, lon: 20.5 },
          name: 'Пётр Сидоров',
          email: 'petr@example.org',
          text: 'Яма у дома ул. Лесная, д. 5, кв. 12. Пишет Сидоров, звоните +7 912 345-67-89 или petr@example.org',
        },
      ),
    );
    far = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      reportBody({}, { location: { lat: 40, lon: 40 } }),
    );
    unregistered = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      reportBody({}, { location: { lat: 10.6, lon: 20.6 } }),
    );
    hidden = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      reportBody({ isPublic: false }, { location: { lat: 10.7, lon: 20.7 } }),
    );
    appeal = await fileAppeal(p, 'zarechny', resident.headers, appealBody());
    for (const id of [shown, far, hidden, appeal]) await register(id);
  });
  afterAll(async () => p.close());

  const get = (query: string, slug = 'zarechny') => p.app.inject({ url: `/api/m/${slug}/reports${query}` });

  it('shows registered public reports of public packages to anyone, with the personal data masked', async () => {
    const res = await get('?bbox=20,10,21,11');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((x: { id: string }) => x.id)).toEqual([shown]);
    expect(body.total).toBe(1);
    const item = body.items[0];
    expect(item).toMatchObject({
      status: 'registered',
      category: { code: 'roads' },
      location: { lat: 10.5, lon: 20.5 },
      service: 'urban-reports',
    });
    expect(item.text).toBe('Яма у дома ул. Лесная, д. ***, кв. ***. Пишет ***, звоните *** или ***');
    expect(JSON.stringify(body)).not.toMatch(/Сидоров|petr@|345-67|resident@|Жителева/);
  });

  it('never shows unregistered, hidden, or private-package appeals, nor another municipality’s', async () => {
    const all = (await get('?limit=500')).json().items.map((x: { id: string }) => x.id);
    expect(all).toEqual(expect.arrayContaining([shown, far]));
    for (const id of [unregistered, hidden, appeal]) expect(all).not.toContain(id);
    const sosnovka = (await get('?limit=500', 'sosnovka')).json().items.map((x: { id: string }) => x.id);
    expect(sosnovka).not.toContain(shown);
    expect((await p.app.inject({ url: `/api/m/zarechny/reports/${appeal}` })).statusCode).toBe(404);
    expect((await p.app.inject({ url: `/api/m/sosnovka/reports/${shown}` })).statusCode).toBe(404);
    expect((await p.app.inject({ url: `/api/m/zarechny/reports/${shown}` })).json().text).toContain('***');
  });

  it('filters by status and category and pages with a total', async () => {
    expect((await get('?status=fixed&bbox=20,10,21,11')).json().items).toEqual([]);
    expect((await get('?status=registered,fixed&category=roads&bbox=20,10,21,11')).json().total).toBe(1);
    const page = (await get('?limit=1&offset=0')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect((await get('?bbox=21,10,20,11')).statusCode).toBe(400);
    expect((await get('?status=nope')).statusCode).toBe(400);
  });

  it('answers GeoJSON for maps', async () => {
    const res = await p.app.inject({ url: '/api/m/zarechny/reports.geojson?bbox=20,10,21,11' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toEqual([
      expect.objectContaining({
        type: 'Feature',
        id: shown,
        geometry: { type: 'Point', coordinates: [20.5, 10.5] },
      }),
    ]);
    expect(fc.features[0].properties.text).not.toContain('Сидоров');
  });
});
