import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, postAppeal } from '../test/factories.ts';

describe('production calendar administration (/api/calendar)', () => {
  let p: TestPlatform;
  let operator: TestSession;
  let resident: TestSession;
  const clock = new ManualClock('2026-04-13T07:00:00Z'); // Monday

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    operator = await p.loginAs('operator@demo.zemstvo.ru');
    resident = await p.loginAs('resident@demo.zemstvo.ru');
  });
  afterAll(async () => p.close());

  const put = (date: string, payload: object, headers = operator.headers) =>
    p.app.inject({ method: 'PUT', url: `/api/calendar/overrides/${date}`, headers, payload });
  const del = (date: string, headers = operator.headers) =>
    p.app.inject({ method: 'DELETE', url: `/api/calendar/overrides/${date}`, headers });
  const registrationDue = async () =>
    (await postAppeal(p, 'zarechny', appealBody(), resident.headers)).json().appeal.registrationDue;

  it('shows everyone the effective calendar of a year', async () => {
    const res = await p.app.inject({ url: '/api/calendar?year=2026' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ year: 2026, covered: true, workingDays: 247, overrides: [] });
    expect(c.daysOff).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-01-09', '2026-03-09', '2026-05-01']),
    );
    expect((await p.app.inject({ url: '/api/calendar?year=2031' })).json().covered).toBe(false);
    expect((await p.app.inject({ url: '/api/calendar' })).json().year).toBe(2026);
  });

  it('lets operators add a regional holiday that every deadline then uses, and remove it again', async () => {
    expect(await registrationDue()).toBe('2026-04-16');
    const added = await put('2026-04-16', { kind: 'off', note: 'Региональный праздник' });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ date: '2026-04-16', kind: 'off', note: 'Региональный праздник' });
    expect(await registrationDue()).toBe('2026-04-15');
    const year = (await p.app.inject({ url: '/api/calendar?year=2026' })).json();
    expect(year.workingDays).toBe(246);
    expect(year.daysOff).toContain('2026-04-16');
    expect(year.overrides).toHaveLength(1);

    expect((await put('2026-04-18', { kind: 'working', note: 'Рабочая суббота' })).statusCode).toBe(200);
    expect((await p.app.inject({ url: '/api/calendar?year=2026' })).json().workingWeekends).toContain(
      '2026-04-18',
    );
    expect((await put('2026-04-18', { kind: 'off' })).json().kind).toBe('off');

    expect((await del('2026-04-16')).statusCode).toBe(204);
    expect(await registrationDue()).toBe('2026-04-16');
    expect((await del('2026-04-16')).json().error.code).toBe('override_not_found');
    const audit = await p.db.query<{ action: string; municipality_id: string | null }>(
      `SELECT action, municipality_id FROM audit_log WHERE entity = 'calendar_override' ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'calendar.override_added',
      'calendar.override_added',
      'calendar.override_changed',
      'calendar.override_removed',
    ]);
    expect(audit.every((a) => a.municipality_id === null)).toBe(true);
    const list = await p.app.inject({ url: '/api/calendar/overrides', headers: operator.headers });
    expect(list.json().items.map((o: { date: string }) => o.date)).toEqual(['2026-04-18']);
  });

  it('refuses everyone but operators, and dates that do not exist', async () => {
    const admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    expect((await put('2026-05-05', { kind: 'off' }, admin.headers)).statusCode).toBe(403);
    expect((await put('2026-05-05', { kind: 'off' }, resident.headers)).statusCode).toBe(403);
    expect((await put('2026-05-05', { kind: 'off' }, {})).statusCode).toBe(401);
    expect((await del('2026-04-18', admin.headers)).statusCode).toBe(403);
    expect(
      (await p.app.inject({ url: '/api/calendar/overrides', headers: resident.headers })).statusCode,
    ).toBe(403);
    expect((await put('2026-02-30', { kind: 'off' })).statusCode).toBe(400);
    expect((await put('2026-05-05', { kind: 'holiday' })).statusCode).toBe(400);
  });
});
