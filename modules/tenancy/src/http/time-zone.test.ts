import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';

describe('the time zone of a municipality', () => {
  let p: TestPlatform;
  let admin: TestSession;
  let operator: TestSession;
  beforeAll(async () => {
    p = await createTestPlatform();
    admin = await p.loginAs('admin@sosnovka.demo.zemstvo.ru');
    operator = await p.loginAs('operator@demo.zemstvo.ru');
  });
  afterAll(async () => p?.close());

  const patch = (headers: Record<string, string>, timeZone: unknown, slug = 'sosnovka') =>
    p.app.inject({ method: 'PATCH', url: `/api/m/${slug}`, headers, payload: { timeZone } });
  const zoneOf = async (slug: string) =>
    (await p.app.inject({ url: `/api/m/${slug}` })).json<{ timeZone: string }>().timeZone;

  it('is Moscow time for the demo municipalities, in the public card and the list', async () => {
    expect(await zoneOf('zarechny')).toBe('Europe/Moscow');
    const list = (await p.app.inject({ url: '/api/municipalities' })).json<{
      items: { timeZone: string }[];
    }>();
    expect(list.items.map((m) => m.timeZone)).toEqual(['Europe/Moscow', 'Europe/Moscow']);
  });

  it('is changed by a platform operator to a canonical IANA name, audited', async () => {
    const res = await patch(operator.headers, 'europe/kaliningrad');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ slug: 'sosnovka', timeZone: 'Europe/Kaliningrad' });
    expect(await zoneOf('sosnovka')).toBe('Europe/Kaliningrad');
    const [audit] = await p.db.query<{ before: unknown; after: unknown }>(
      `SELECT l.before, l.after FROM audit_log l JOIN municipalities m ON m.id = l.municipality_id
       WHERE m.slug = 'sosnovka' AND l.action = 'municipality.time_zone_changed' ORDER BY l.seq DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      before: { timeZone: 'Europe/Moscow' },
      after: { timeZone: 'Europe/Kaliningrad' },
    });
  });

  it('refuses unknown zones and numeric offsets with 400 invalid_time_zone', async () => {
    for (const zone of ['Mars/Olympus_Mons', '+03:00', 'UTC+3', 'Europe/Moscow; DROP TABLE x']) {
      const res = await patch(operator.headers, zone);
      expect([res.statusCode, res.json().error.code], zone).toEqual([400, 'invalid_time_zone']);
      expect(res.json().error.message).toContain('IANA');
    }
    expect((await patch(operator.headers, '')).json().error.code).toBe('validation_failed');
    expect(await zoneOf('sosnovka')).toBe('Europe/Kaliningrad');
  });

  it('is the platform operator’s to change: not a municipal administrator’s, nor an anonymous caller’s', async () => {
    expect((await patch(admin.headers, 'Asia/Vladivostok')).statusCode).toBe(403);
    expect((await patch({}, 'Asia/Vladivostok')).statusCode).toBe(401);
    expect((await patch(operator.headers, 'Asia/Vladivostok', 'nowhere')).statusCode).toBe(404);
    expect(await zoneOf('sosnovka')).toBe('Europe/Kaliningrad');
  });

  it('can be given when an operator creates a municipality', async () => {
    const body = (slug: string, timeZone?: string) => ({
      regionSlug: 'demo-krai',
      slug,
      nameRu: 'Тестовый округ',
      nameEn: 'Test district',
      ...(timeZone ? { timeZone } : {}),
    });
    const post = (payload: object) =>
      p.app.inject({ method: 'POST', url: '/api/municipalities', headers: operator.headers, payload });
    const bad = await post(body('tz-bad', 'Asia/Nowhere'));
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_time_zone']);
    expect((await post(body('tz-east', 'Asia/Vladivostok'))).statusCode).toBe(201);
    expect(await zoneOf('tz-east')).toBe('Asia/Vladivostok');
    expect((await post(body('tz-default'))).statusCode).toBe(201);
    expect(await zoneOf('tz-default')).toBe('Europe/Moscow');
  });
});
