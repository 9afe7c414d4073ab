import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { staffEmail } from '@zemstvo/server/seed/demo-data';
import { makeCases } from '../testing/dataset.ts';

// "Today" is 10 April 2025; the cases were received in March 2025 (the demo data is far later).
const clock = new ManualClock('2025-04-10T09:00:00Z');
const RANGE = 'from=2025-03-01&to=2025-03-31';
let p: TestPlatform;
let analyst: TestSession;

const get = async (url: string, s: TestSession = analyst) => {
  const res = await p.app.inject({ url, headers: s.headers });
  return { status: res.statusCode, body: res.json() };
};

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  analyst = await p.loginAs(staffEmail('analyst', 'zarechny'));
  await makeCases(p, 'zarechny', [
    // Answered in 10 days, by its due date; rated 5.
    {
      received: '2025-03-03T07:00:00Z',
      answerDue: '2025-04-01',
      closed: '2025-03-13T07:00:00Z',
      rating: 5,
      district: 'Центральный',
      lat: 56.8101,
      lon: 61.3201,
    },
    // Answered in 20 days, after its due date; rated 2 and the answer rejected.
    {
      received: '2025-03-04T07:00:00Z',
      answerDue: '2025-03-20',
      closed: '2025-03-24T07:00:00Z',
      rating: 2,
      rejected: '2025-03-25T07:00:00Z',
      district: 'Центральный',
      lat: 56.8102,
      lon: 61.3202,
    },
    // Open and past its due date: overdue now.
    {
      received: '2025-03-05T07:00:00Z',
      answerDue: '2025-04-03',
      category: 'state_society',
      theme: 'officials',
      district: 'Северный',
      lat: 56.9,
      lon: 61.5,
    },
    // Open within its deadline; an executor organisation named at import.
    { received: '2025-03-06T07:00:00Z', answerDue: '2025-05-05', executorOrg: 'Администрация района' },
    // Received before the range, with a staff executor by resolution.
    {
      received: '2025-02-10T07:00:00Z',
      answerDue: '2025-03-12',
      executorEmail: staffEmail('executor', 'zarechny'),
    },
    {
      received: '2025-02-11T07:00:00Z',
      answerDue: '2025-03-13',
      executorEmail: staffEmail('executor', 'zarechny'),
    },
  ]);
});
afterAll(() => p?.close());

describe('GET /api/m/:municipality/analytics/dashboard', () => {
  it('counts the KPIs of the slice', async () => {
    const { status, body } = await get(`/api/m/zarechny/analytics/dashboard?${RANGE}&period=week`);
    expect(status).toBe(200);
    expect(body.kpis).toEqual({
      incoming: 4,
      registered: 4,
      answered: 2,
      open: 2,
      overdueNow: 1,
      answeredOnTime: 1,
      answeredLate: 1,
      onTimeShare: 0.5,
      medianAnswerDays: 10,
      p90AnswerDays: 20,
      meanRating: 3.5,
      rated: 2,
      rejections: 1,
    });
  });

  it('gives a series by period, breakdowns with labels and the answer-time histogram', async () => {
    const { body } = await get(`/api/m/zarechny/analytics/dashboard?${RANGE}&period=week`);
    // Weeks start on Monday: 24 Feb (holds 1 March) … 31 March.
    expect(body.series.map((s: { period: string }) => s.period)).toEqual([
      '2025-02-24',
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
      '2025-03-31',
    ]);
    const week = (d: string) => body.series.find((s: { period: string }) => s.period === d);
    expect(week('2025-03-03')).toEqual({ period: '2025-03-03', incoming: 4, answered: 0, overdue: 2 });
    expect(week('2025-03-10').answered).toBe(1);
    expect(week('2025-03-24').answered).toBe(1);
    const housing = body.breakdowns.category.find((r: { key: string }) => r.key === 'housing');
    expect(housing).toMatchObject({
      incoming: 3,
      answered: 2,
      overdueNow: 0,
      onTimeShare: 0.5,
      rejections: 1,
    });
    expect(housing.label.ru).toBe('Жилищно-коммунальная сфера');
    const officials = body.breakdowns.theme.find((r: { key: string }) => r.key === 'officials');
    expect(officials).toMatchObject({
      incoming: 1,
      overdueNow: 1,
      label: { en: 'Actions (inaction) of officials' },
    });
    expect(body.breakdowns.district.find((r: { key: string }) => r.key === 'Центральный').incoming).toBe(2);
    const org = body.breakdowns.executor.find((r: { key: string }) => r.key === 'Администрация района');
    expect(org.incoming).toBe(1);
    expect(
      body.breakdowns.department.find((r: { key: string }) => r.key === 'Администрация района').incoming,
    ).toBe(1);
    expect(body.histogram.find((b: { from: number }) => b.from === 7).n).toBe(1);
    expect(body.histogram.find((b: { from: number }) => b.from === 15).n).toBe(1);
  });

  it('filters by a dimension', async () => {
    const { body } = await get(
      `/api/m/zarechny/analytics/dashboard?${RANGE}&district=${encodeURIComponent('Северный')}`,
    );
    expect(body.kpis).toMatchObject({ incoming: 1, overdueNow: 1, answered: 0 });
  });

  it('refuses a range that ends before it starts, a bad date and an unknown period (400)', async () => {
    const reversed = await get('/api/m/zarechny/analytics/dashboard?from=2025-03-31&to=2025-03-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.code).toBe('bad_range');
    const bad = await get('/api/m/zarechny/analytics/dashboard?from=2025-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const period = await get('/api/m/zarechny/analytics/dashboard?period=year');
    expect(period.status).toBe(400);
  });

  it('needs analytics.view (the executor lacks it) and shows only the municipality’s data', async () => {
    const executor = await p.loginAs(staffEmail('executor', 'zarechny'));
    expect((await get(`/api/m/zarechny/analytics/dashboard?${RANGE}`, executor)).status).toBe(403);
    const sosnovka = await p.loginAs(staffEmail('analyst', 'sosnovka'));
    const other = await get(`/api/m/sosnovka/analytics/dashboard?${RANGE}`, sosnovka);
    expect(other.body.kpis.incoming).toBe(0);
  });
});

describe('repeated dashboards', () => {
  it('serve the same figures until the municipality’s data changes, then count the change', async () => {
    const url = '/api/m/zarechny/analytics/dashboard?from=2025-01-01&to=2025-01-31';
    expect((await get(url)).body.kpis.incoming).toBe(0);
    expect((await get(url)).body.kpis.incoming).toBe(0);
    await makeCases(p, 'zarechny', [{ received: '2025-01-15T07:00:00Z', answerDue: '2025-02-14' }]);
    const after = await get(url);
    expect(after.body.kpis).toMatchObject({ incoming: 1, open: 1, overdueNow: 1 });
  });
});

describe('executors and departments', () => {
  it('counts a resolution’s responsible executor and their department, and filters by them', async () => {
    const { body } = await get('/api/m/zarechny/analytics/dashboard?from=2025-02-01&to=2025-02-28');
    expect(body.kpis.incoming).toBe(2);
    const [executor] = body.breakdowns.executor;
    expect(executor).toMatchObject({ label: { ru: 'Иван Исполнителев' }, incoming: 2, overdueNow: 2 });
    const [department] = body.breakdowns.department;
    expect(department).toMatchObject({ label: { ru: 'Управление ЖКХ' }, incoming: 2 });
    const byDept = await get(
      `/api/m/zarechny/analytics/cases?from=2025-02-01&to=2025-02-28&department=${department.key}`,
    );
    expect(byDept.body.total).toBe(2);
    expect(byDept.body.items[0].executor).toMatchObject({ key: executor.key, name: 'Иван Исполнителев' });
    const byUser = await get(`/api/m/zarechny/analytics/dashboard?${RANGE}&executor=${executor.key}`);
    expect(byUser.body.kpis.incoming).toBe(0);
  });
});

describe('GET /api/m/:municipality/analytics/cases', () => {
  it('lists the cases behind a bucket and a dimension, paginated', async () => {
    const overdue = await get(`/api/m/zarechny/analytics/cases?${RANGE}&bucket=overdue`);
    expect(overdue.status).toBe(200);
    expect(overdue.body.total).toBe(1);
    expect(overdue.body.items[0]).toMatchObject({
      category: { code: 'state_society' },
      answerDue: '2025-04-03',
      closedAt: null,
    });
    const late = await get(`/api/m/zarechny/analytics/cases?${RANGE}&bucket=late`);
    expect(late.body).toMatchObject({ total: 1 });
    expect(late.body.items.map((c: { rating: number }) => c.rating)).toEqual([2]);
    const page = await get(`/api/m/zarechny/analytics/cases?${RANGE}&limit=3&page=2`);
    expect(page.body).toMatchObject({ total: 4, page: 2, limit: 3 });
    expect(page.body.items).toHaveLength(1);
    const slow = await get(`/api/m/zarechny/analytics/cases?${RANGE}&minDays=15&maxDays=30`);
    expect(slow.body.total).toBe(1);
    const bucket = await get(`/api/m/zarechny/analytics/cases?bucket=nope`);
    expect(bucket.status).toBe(400);
  });
});

describe('GET /api/m/:municipality/analytics/heatmap', () => {
  it('counts cases with a place per grid cell, densest first', async () => {
    const { status, body } = await get(`/api/m/zarechny/analytics/heatmap?${RANGE}&cell=0.01`);
    expect(status).toBe(200);
    expect(body.cells).toHaveLength(2);
    expect(body.cells[0]).toEqual({ lat: 56.815, lon: 61.325, n: 2 });
    expect(body).toMatchObject({ total: 3, max: 2, truncated: false, cellDegrees: 0.01 });
  });
});
