import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importAppealBatch,
  mergeAppeal,
  onReopen,
  reclassifyAppeal,
  registerAppeal,
  setAppealStatus,
} from '@zemstvo/appeals';
import { ManualClock, type Ctx } from '@zemstvo/kernel';
import { serviceRegistry } from '@zemstvo/server/modules';
import { staffEmail } from '@zemstvo/server/seed/demo-data';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import { tenancyRepo } from '@zemstvo/tenancy';
import { resolveSlice } from '../domain/filters.ts';
import { makeCases } from '../testing/dataset.ts';
import { directDashboardSource } from '../testing/direct-dashboard.ts';
import { computeDashboard, type DashboardInput } from './dashboard.ts';

// "Today" is 10 April 2025 at first; the cases were received from 2020 (imported) to April 2025.
const clock = new ManualClock('2025-04-10T09:00:00Z');
const RANGE = { from: '2020-01-01', to: '2025-12-31' };
let p: TestPlatform;
let m: string;

const inZarechny = <T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> =>
  p.db.transaction(async (tx) => {
    const tenant = await tenancyRepo.tenantBySlug(tx, 'zarechny');
    return fn({ ...p.systemCtx(tx, 'summaries-test'), tenant });
  });

/** The dashboard from the per-day summaries and computed directly from appeals, for one input. */
const both = (input: DashboardInput) =>
  inZarechny(async (ctx) => {
    const slice = resolveSlice(input, clock.now(), ctx.tenant!.timeZone);
    const period = input.period ?? 'day';
    return {
      summary: await computeDashboard(ctx, serviceRegistry, slice, period),
      direct: await computeDashboard(ctx, serviceRegistry, slice, period, directDashboardSource),
    };
  });

/**
 * The summaries as stored, in a fixed order: by the whole unique key (analytics_days_key), with the
 * service instance it does not show, so two services' rows of one day and category never swap.
 */
const summaries = () =>
  p.db.query<Record<string, unknown>>(
    `SELECT day::text, category, theme, district, executor_user::text, executor_org, executor_department, st,
       overdue_from::text, d10, closed_day::text, n, rated, rating_sum::int
     FROM analytics_days WHERE municipality_id = $1 ORDER BY 1, service_instance_id, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
    [m],
  );

const portalRecord = (
  id: number,
  statuses: [string, string][],
  answers: [string, string, string][] = [],
) => ({
  id,
  created_at: statuses[0]![0],
  text: `Сообщение ${id}: на тротуаре глубокая яма`,
  category: 'Благоустройство',
  reason: 'Повреждения дорожного покрытия тротуара',
  city_object: 'Улица',
  district: 'Невский',
  municipality: 'муниципальный округ Народный',
  lat: '59.9',
  lon: '30.45',
  address: 'г.Санкт-Петербург, Народная улица, дом 1',
  executor_org: 'СПб ГКУ ЖА Невского района',
  statuses,
  answers,
});

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  const admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
  const res = await p.app.inject({
    method: 'POST',
    url: '/api/m/zarechny/services',
    headers: admin.headers,
    payload: { packageSlug: 'city-portal' },
  });
  expect(res.statusCode).toBe(201);
  m = (await p.db.query<{ id: string }>(`SELECT id FROM municipalities WHERE slug = 'zarechny'`))[0]!.id;
});
afterAll(() => p?.close());

describe('the dashboard from per-day summaries', () => {
  it('equals the direct computation from appeals after registration, closing, reopening, reclassification, rating, merging, import and executor changes', async () => {
    const executorEmail = staffEmail('executor', 'zarechny');
    const [fresh, toClose, toReclassify, toRate, duplicate, original, assigned] = await makeCases(
      p,
      'zarechny',
      [
        { received: '2025-03-03T07:00:00Z', registered: null, answerDue: null, district: 'Центральный' },
        { received: '2025-03-04T07:00:00Z', registered: null, answerDue: null },
        { received: '2025-03-05T07:00:00Z', answerDue: '2025-04-03', district: 'Северный' },
        {
          received: '2025-02-20T21:30:00Z',
          answerDue: '2025-03-20',
          closed: '2025-03-24T21:30:00Z',
          executorOrg: 'Администрация района',
        },
        { received: '2025-03-06T07:00:00Z', answerDue: '2025-05-05' },
        { received: '2025-03-07T07:00:00Z', answerDue: '2025-04-07', district: 'Северный' },
        { received: '2025-02-10T07:00:00Z', answerDue: '2025-03-12', executorEmail },
        {
          received: '2025-02-11T07:00:00Z',
          answerDue: '2025-03-13',
          executorEmail,
          rating: 4,
          closed: '2025-03-01T10:00:00Z',
        },
      ],
    );
    const before = await both(RANGE);
    expect(before.summary).toEqual(before.direct);
    expect(before.summary.kpis).toMatchObject({ incoming: 8, answered: 2 });

    await inZarechny(async (ctx) => {
      await registerAppeal(ctx, fresh!);
      await registerAppeal(ctx, toClose!);
      await setAppealStatus(ctx, toClose!, { status: 'closed' });
    });
    clock.set('2025-04-12T09:00:00Z');
    await inZarechny(async (ctx) => {
      await onReopen(ctx, toClose!, 'The answer did not cover the question');
      await reclassifyAppeal(ctx, toReclassify!, { category: 'state_society', theme: 'officials' });
      await mergeAppeal(ctx, duplicate!, { into: original! });
      // The applicant's rating (59-FZ Art. 5 does not oblige one; the portal asks for it).
      await ctx.tx.query('UPDATE appeals SET rating = 3 WHERE municipality_id = $1 AND document_id = $2', [
        m,
        toRate,
      ]);
      // The resolution's assignment is cancelled: the case has no staff executor any more.
      await ctx.tx.query(
        `UPDATE assignments SET status = 'cancelled' WHERE municipality_id = $1 AND document_id = $2`,
        [m, assigned],
      );
      const imported = await importAppealBatch(ctx, {
        format: 'spb',
        service: 'city-portal',
        lines: [
          portalRecord(
            101,
            [
              ['2020-10-16T09:00:00', 'Модерация'],
              ['2020-10-16T12:00:00', 'Рассмотрение'],
              ['2020-10-29T10:00:00', 'Получен ответ'],
            ],
            [['2020-10-28T16:00:00', 'Администрация Невского района', 'Яма заделана 28.10.2020.']],
          ),
          portalRecord(102, [
            ['2020-12-30T09:00:00', 'Модерация'],
            ['2020-12-30T10:00:00', 'Рассмотрение'],
          ]),
        ].map((value, i) => ({ lineNo: i + 1, value })),
      });
      expect(imported.invalid).toEqual([]);
    });

    const after = await both(RANGE);
    expect(after.summary).toEqual(after.direct);
    expect(after.summary.kpis.incoming).toBe(10);
    expect(after.summary.kpis.overdueNow).toBeGreaterThan(0);
    expect(after.summary.kpis).not.toEqual(before.summary.kpis);
    expect(after.summary.breakdowns.executor.length).toBeGreaterThan(1);

    const executorKey = before.summary.breakdowns.executor.find(
      (r) => r.label.ru === 'Иван Исполнителев',
    )!.key;
    const departmentKey = before.summary.breakdowns.department.find(
      (r) => r.label.ru === 'Управление ЖКХ',
    )!.key;
    for (const input of [
      { ...RANGE, period: 'month' as const },
      { from: '2025-03-01', to: '2025-03-31', period: 'week' as const },
      { ...RANGE, category: 'state_society' },
      { ...RANGE, theme: 'utilities' },
      { ...RANGE, district: 'Северный' },
      { ...RANGE, executor: executorKey! },
      { ...RANGE, executor: 'Администрация района' },
      { ...RANGE, department: departmentKey! },
      { ...RANGE, department: 'Администрация района' },
    ]) {
      const { summary, direct } = await both(input);
      expect(summary, JSON.stringify(input)).toEqual(direct);
    }

    // Later days: open cases fall overdue by the day, with no write in between.
    for (const day of ['2025-05-06T09:00:00Z', '2026-01-10T09:00:00Z']) {
      clock.set(day);
      const { summary, direct } = await both(RANGE);
      expect(summary).toEqual(direct);
    }
    expect((await both(RANGE)).summary.kpis.overdueNow).toBeGreaterThan(after.summary.kpis.overdueNow);

    // What the triggers kept is what a set-based rebuild (the migration's, the bench's) computes.
    const kept = await summaries();
    expect(kept.length).toBeGreaterThan(5);
    await p.db.query('SELECT analytics_rebuild($1)', [m]);
    expect(await summaries()).toEqual(kept);
  });
});
