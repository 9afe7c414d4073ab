import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { demoRegional, demoOperator, staffEmail } from '@zemstvo/server/seed/demo-data';
import { makeCases } from '../testing/dataset.ts';

const clock = new ManualClock('2025-04-10T09:00:00Z');
let p: TestPlatform;
let analyst: TestSession;
let admin: TestSession;

interface Metric {
  metric: string;
  actual: number | null;
  target: number;
  score: number | null;
  n: number;
}
interface Win {
  window: string;
  score: number | null;
  metrics: Metric[];
}
const windowOf = (row: { windows: Win[] }, w: string) => row.windows.find((x) => x.window === w)!;
const metricOf = (win: Win, m: string) => win.metrics.find((x) => x.metric === m)!;

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  analyst = await p.loginAs(staffEmail('analyst', 'zarechny'));
  admin = await p.loginAs(staffEmail('admin', 'zarechny'));
  await makeCases(p, 'zarechny', [
    {
      received: '2025-03-03T07:00:00Z',
      answerDue: '2025-04-01',
      closed: '2025-03-13T07:00:00Z',
      rating: 5,
      executorOrg: 'ЖКС №1',
    },
    {
      received: '2025-03-04T07:00:00Z',
      answerDue: '2025-03-20',
      closed: '2025-03-24T07:00:00Z',
      rating: 2,
      executorOrg: 'ЖКС №1',
    },
    { received: '2025-03-05T07:00:00Z', answerDue: '2025-03-21', executorOrg: 'ЖКС №1' },
    { received: '2025-03-06T07:00:00Z', answerDue: '2025-05-05', executorOrg: 'Дорожная служба' },
  ]);
});
afterAll(() => p?.close());

describe('GET /api/m/:municipality/analytics/cityscore', () => {
  it('scores each department and the municipality against the default targets', async () => {
    const res = await p.app.inject({
      url: '/api/m/zarechny/analytics/cityscore?date=2025-03-24',
      headers: analyst.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.targets).toEqual({
      onTimeShare: 0.95,
      answerDays: 15,
      rating: 4,
      backlogWithinShare: 0.9,
      custom: false,
    });
    const quarter = windowOf(body.overall, 'quarter');
    // Answers of the quarter: 10 days on time (5 stars) and 20 days late (2 stars).
    expect(metricOf(quarter, 'on_time')).toMatchObject({ actual: 0.5, n: 2, score: 0.526 });
    expect(metricOf(quarter, 'answer_days')).toMatchObject({ actual: 15, score: 1 });
    expect(metricOf(quarter, 'satisfaction')).toMatchObject({ actual: 3.5, score: 0.875 });
    // Open at the end of 24 March: two cases, one past its due date (21 March).
    expect(metricOf(quarter, 'backlog')).toMatchObject({ actual: 0.5, n: 2, score: 0.556 });
    expect(quarter.score).toBeCloseTo((0.526 + 1 + 0.875 + 0.556) / 4, 3);
    // The day's window holds the late answer only.
    const day = windowOf(body.overall, 'day');
    expect(metricOf(day, 'on_time')).toMatchObject({ actual: 0, n: 1, score: 0 });
    expect(metricOf(day, 'answer_days')).toMatchObject({ actual: 20, score: 0.75 });

    const dept = body.departments.find((d: { key: string }) => d.key === 'ЖКС №1');
    expect(metricOf(windowOf(dept, 'quarter'), 'backlog')).toMatchObject({ actual: 0, n: 1, score: 0 });
    const roads = body.departments.find((d: { key: string }) => d.key === 'Дорожная служба');
    expect(metricOf(windowOf(roads, 'quarter'), 'backlog')).toMatchObject({ actual: 1, score: 1.111 });
    expect(metricOf(windowOf(roads, 'quarter'), 'on_time').score).toBeNull();
  });

  it('refuses a day in the future', async () => {
    const res = await p.app.inject({
      url: '/api/m/zarechny/analytics/cityscore?date=2025-05-01',
      headers: analyst.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('date_in_future');
  });
});

describe('PUT /api/m/:municipality/analytics/targets', () => {
  it('lets the admin set targets (validated, audited) that CityScore then uses', async () => {
    const targets = { onTimeShare: 0.9, answerDays: 20, rating: 4.5, backlogWithinShare: 0.8 };
    // The deputy reads the analytics (analytics.view) but does not hold analytics.manage.
    const deputy = await p.loginAs(staffEmail('deputy', 'zarechny'));
    const refused = await p.app.inject({
      method: 'PUT',
      url: '/api/m/zarechny/analytics/targets',
      headers: deputy.headers,
      payload: targets,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await p.app.inject({
      method: 'PUT',
      url: '/api/m/zarechny/analytics/targets',
      headers: admin.headers,
      payload: { ...targets, onTimeShare: 1.5 },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await p.app.inject({
      method: 'PUT',
      url: '/api/m/zarechny/analytics/targets',
      headers: admin.headers,
      payload: targets,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ...targets, custom: true });
    const score = await p.app.inject({
      url: '/api/m/zarechny/analytics/cityscore?date=2025-03-24',
      headers: analyst.headers,
    });
    const quarter = windowOf(score.json().overall, 'quarter');
    expect(metricOf(quarter, 'answer_days')).toMatchObject({ target: 20, score: 1.333 });
    const audit = await p.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action = 'analytics.targets_set'`,
    );
    expect(audit).toHaveLength(1);
  });
});

describe('GET /api/regions/:region/analytics/rollup', () => {
  it('rolls the region up for its regional user and operators, and refuses others', async () => {
    const url = '/api/regions/demo-krai/analytics/rollup?from=2025-03-01&to=2025-03-31';
    const regional = await p.loginAs(demoRegional.email);
    const res = await p.app.inject({ url, headers: regional.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const zarechny = body.municipalities.find((m: { slug: string }) => m.slug === 'zarechny');
    expect(zarechny.kpis).toMatchObject({
      incoming: 4,
      answered: 2,
      open: 2,
      overdueNow: 1,
      onTimeShare: 0.5,
      medianAnswerDays: 15,
    });
    expect(body.municipalities.find((m: { slug: string }) => m.slug === 'sosnovka').kpis.incoming).toBe(0);
    expect(body.total).toMatchObject({ incoming: 4, answered: 2, meanRating: 3.5 });

    const operator = await p.loginAs(demoOperator.email);
    expect((await p.app.inject({ url, headers: operator.headers })).statusCode).toBe(200);
    expect((await p.app.inject({ url, headers: analyst.headers })).statusCode).toBe(403);
    expect((await p.app.inject({ url })).statusCode).toBe(401);
    const missing = await p.app.inject({
      url: '/api/regions/no-such-region/analytics/rollup',
      headers: operator.headers,
    });
    expect(missing.statusCode).toBe(404);
    const reversed = await p.app.inject({
      url: '/api/regions/demo-krai/analytics/rollup?from=2025-04-01&to=2025-03-01',
      headers: operator.headers,
    });
    expect(reversed.json().error.code).toBe('bad_range');
  });

  it('refuses a regional user of another region (403)', async () => {
    await p.db.query(
      `INSERT INTO regions (slug, name_ru, name_en) VALUES ('other-krai', 'Другой край', 'Other Territory')`,
    );
    const operator = await p.loginAs(demoOperator.email);
    const res = await p.app.inject({
      url: '/api/regions/other-krai/analytics/rollup',
      headers: (await p.loginAs(demoRegional.email)).headers,
    });
    expect(res.statusCode).toBe(403);
    expect(
      (await p.app.inject({ url: '/api/regions/other-krai/analytics/rollup', headers: operator.headers }))
        .statusCode,
    ).toBe(200);
  });
});
