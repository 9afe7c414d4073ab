import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { daily, insertAppeals } from '../testing/appeal-rows.ts';
import { randomSource } from '../testing/synthetic.ts';

interface Group {
  key: string;
  label: { ru: string; en: string };
  department: string | null;
  status: string;
  weeks_observed: number;
  history: { week_start: string; count: number }[];
  forecast: { week_start: string; forecast: number; lo: number; hi: number }[];
  backtest: {
    origins: number;
    model: { mae: number; mase: number; coverage: number };
    naive: { mae: number; mase: number };
    better: string;
  } | null;
}

// Wednesday 10 June 2026, noon in Moscow: the complete weeks end on Sunday 7 June.
const NOW = new Date('2026-06-10T09:00:00Z');
const WEEKS = 20;
const FIRST_MONDAY = '2026-01-19'; // 20 weeks before 8 June

describe('GET /m/:municipality/forecast', () => {
  let p: TestPlatform;
  let analyst: TestSession;
  let resident: TestSession;
  const roadsWeeks: number[] = [];

  beforeAll(async () => {
    p = await createTestPlatform({ clock: new ManualClock(NOW) });
    analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    const rnd = randomSource(42);
    // Roads: a weekly pattern (busy weekdays, quiet weekends) around 35 a week.
    const weekdayMean = [7, 7, 6, 6, 6, 2, 1];
    const roads = daily(FIRST_MONDAY, WEEKS * 7 + 2, (i) => {
      const n = rnd.poisson(weekdayMean[i % 7]!);
      if (i < WEEKS * 7) roadsWeeks[Math.floor(i / 7)] = (roadsWeeks[Math.floor(i / 7)] ?? 0) + n;
      return n;
    });
    const where = { municipality: 'zarechny', service: 'urban-reports' };
    await insertAppeals(p.db, { ...where, category: 'roads' }, roads);
    await insertAppeals(
      p.db,
      { ...where, category: 'building' },
      daily(FIRST_MONDAY, WEEKS * 7, () => rnd.poisson(3)),
    );
    // Facade: first reported two weeks ago: too little history to forecast.
    await insertAppeals(
      p.db,
      { ...where, category: 'facade' },
      daily('2026-05-25', 16, (i) => (i % 3 === 0 ? 1 : 0)),
    );
  });
  afterAll(async () => p?.close());

  const get = (query: string, session: TestSession = analyst) =>
    p.app.inject({ method: 'GET', url: `/api/m/zarechny/forecast${query}`, headers: session.headers });

  it('forecasts each category weeks ahead with intervals, and back-tests it against seasonal naive', async () => {
    const res = await get('?by=category&horizon=6&weeks_back=30');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ level: number; horizon: number; groups: Group[]; total: Group }>();
    expect(body.level).toBe(0.9);
    const roads = body.groups.find((g) => g.key === 'urban-reports.roads')!;
    expect(roads.label).toEqual({
      ru: 'Дороги и уличная инфраструктура',
      en: 'Roads and street infrastructure',
    });
    expect(roads.department).toBe('DOR');
    expect(roads.status).toBe('ok');
    expect(roads.history.map((h) => h.count)).toEqual(roadsWeeks);
    expect(roads.history[0]!.week_start).toBe(FIRST_MONDAY);
    expect(roads.history.at(-1)!.week_start).toBe('2026-06-01');
    expect(roads.forecast.map((f) => f.week_start)).toEqual([
      '2026-06-08',
      '2026-06-15',
      '2026-06-22',
      '2026-06-29',
      '2026-07-06',
      '2026-07-13',
    ]);
    const mean = roadsWeeks.reduce((a, b) => a + b, 0) / roadsWeeks.length;
    for (const f of roads.forecast) {
      expect(f.lo).toBeLessThanOrEqual(f.forecast);
      expect(f.forecast).toBeLessThanOrEqual(f.hi);
      expect(f.hi).toBeGreaterThan(f.lo);
      // 12 June (Russia Day) makes the first week quieter; every week stays near the level seen.
      expect(f.forecast).toBeGreaterThan(mean * 0.6);
      expect(f.forecast).toBeLessThan(mean * 1.3);
    }
    // Rolling origins from the 6th week on; both forecasts scored on the same weeks.
    expect(roads.backtest!.origins).toBe(WEEKS - 6);
    expect(roads.backtest!.model.mae).toBeGreaterThan(0);
    expect(roads.backtest!.naive.mae).toBeGreaterThan(0);
    expect(roads.backtest!.model.coverage).toBeGreaterThan(0.5);
    expect(roads.backtest!.better).toBe(
      roads.backtest!.model.mae < roads.backtest!.naive.mae ? 'model' : 'naive',
    );

    const facade = body.groups.find((g) => g.key === 'urban-reports.facade')!;
    expect(facade).toMatchObject({
      status: 'insufficient_history',
      department: 'ZHKH',
      forecast: [],
      backtest: null,
    });
    expect(facade.weeks_observed).toBe(2);
    expect(body.total.status).toBe('ok');
    expect(body.total.forecast).toHaveLength(6);
  });

  it('groups by service instance, and narrows to one service', async () => {
    const res = await get('?by=service&service=urban-reports');
    expect(res.statusCode).toBe(200);
    const groups = res.json<{ groups: Group[] }>().groups;
    expect(groups.map((g) => g.key)).toEqual(['urban-reports']);
    expect(groups[0]!.forecast).toHaveLength(8);
    expect((await get('?service=no-such-service')).json()).toMatchObject({
      error: { code: 'service_not_found' },
    });
  });

  it('forecasts an archive that stopped in the past from where it stops', async () => {
    // Sosnovka has only ten weeks of appeals, the last on Sunday 29 March 2026.
    const rnd = randomSource(5);
    const where = { municipality: 'sosnovka', service: 'urban-reports', category: 'roads' };
    await insertAppeals(
      p.db,
      where,
      daily('2026-01-19', 70, () => rnd.poisson(5)),
    );
    const analystThere = await p.loginAs('analyst@sosnovka.demo.zemstvo.ru');
    const res = await p.app.inject({
      method: 'GET',
      url: '/api/m/sosnovka/forecast?horizon=2',
      headers: analystThere.headers,
    });
    const body = res.json<{ stale: boolean; window: { to: string }; groups: Group[] }>();
    expect(body.stale).toBe(true);
    expect(body.window.to).toBe('2026-03-29');
    const roads = body.groups.find((g) => g.key === 'urban-reports.roads')!;
    expect(roads.history).toHaveLength(10);
    expect(roads.forecast.map((f) => f.week_start)).toEqual(['2026-03-30', '2026-04-06']);
    // Zarechny's data reaches yesterday: its window ends yesterday.
    expect((await get('?horizon=1')).json<{ stale: boolean; window: { to: string } }>()).toMatchObject({
      stale: false,
      window: { to: '2026-06-09' },
    });
  });

  it('rejects a horizon outside 1..26 and an unknown grouping', async () => {
    for (const q of ['?horizon=0', '?horizon=27', '?horizon=two', '?by=district', '?weeks_back=1'])
      expect((await get(q)).statusCode, q).toBe(400);
  });

  it('is for staff with forecast.view', async () => {
    expect((await get('', resident)).statusCode).toBe(403);
    expect((await p.app.inject({ method: 'GET', url: '/api/m/zarechny/forecast' })).statusCode).toBe(401);
  });
});
