import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { staffEmail } from '@zemstvo/server/seed/demo-data';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { setMunicipalityTimeZone } from '@zemstvo/tenancy';
import { makeCases } from '../testing/dataset.ts';

// 15:30 UTC on 5 March 2026 is 18:30 on 5 March in Moscow and 01:30 on 6 March in Vladivostok.
const RECEIVED = '2026-03-05T15:30:00Z';
const DISTRICT = 'Часовой пояс';
const clock = new ManualClock('2026-03-10T09:00:00Z');
let p: TestPlatform;
let operator: TestSession;
const analyst: Record<string, TestSession> = {};
const ids: Record<string, string> = {};

/** Incoming cases of the test's district per local day, from the dashboard (the per-day summaries). */
const days = async (m: string): Promise<Record<string, number>> => {
  const res = await p.app.inject({
    url: `/api/m/${m}/analytics/dashboard?from=2026-03-04&to=2026-03-07&period=day&district=${encodeURIComponent(DISTRICT)}`,
    headers: analyst[m]!.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  const series = res.json<{ series: { period: string; incoming: number }[] }>().series;
  return Object.fromEntries(series.filter((s) => s.incoming > 0).map((s) => [s.period, s.incoming]));
};

/**
 * The stored summaries of a municipality, in a fixed order: by every column of the unique key
 * (analytics_days_key), also those not shown, else rows that differ only in those (a theme, a
 * service) come in any order on PostgreSQL and a rebuild may swap them.
 */
const summaries = (m: string) =>
  p.db.query<Record<string, unknown>>(
    `SELECT day::text, category, district, st, overdue_from::text, closed_day::text, n FROM analytics_days
     WHERE municipality_id = $1
     ORDER BY day, service_instance_id, category, theme, district, executor_user, executor_org,
       executor_department, st, overdue_from, d10, closed_day`,
    [ids[m]],
  );

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  operator = await p.loginAs('operator@demo.zemstvo.ru');
  for (const m of ['zarechny', 'sosnovka']) {
    analyst[m] = await p.loginAs(staffEmail('analyst', m));
    ids[m] = (await p.db.query<{ id: string }>('SELECT id FROM municipalities WHERE slug = $1', [m]))[0]!.id;
    await makeCases(p, m, [
      { received: RECEIVED, answerDue: '2026-04-03', district: DISTRICT },
      { received: RECEIVED, answerDue: '2026-04-03', closed: '2026-03-06T16:00:00Z', district: DISTRICT },
    ]);
  }
});
afterAll(() => p?.close());

describe('dashboard days in the municipality’s time zone', () => {
  it('puts cases on the local day of receipt, and moves them when the zone changes', async () => {
    // The demo municipalities count in Moscow time.
    expect(await days('zarechny')).toEqual({ '2026-03-05': 2 });
    expect(await days('sosnovka')).toEqual({ '2026-03-05': 2 });

    const res = await p.app.inject({
      method: 'PATCH',
      url: '/api/m/zarechny',
      headers: operator.headers,
      payload: { timeZone: 'Asia/Vladivostok' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await days('zarechny')).toEqual({ '2026-03-06': 2 });
    expect(await days('sosnovka')).toEqual({ '2026-03-05': 2 });

    // The answer of 16:00 UTC on 6 March is on 7 March in Vladivostok.
    const closedDays = (rows: Record<string, unknown>[]) =>
      rows.filter((r) => r.district === DISTRICT && r.closed_day !== null).map((r) => r.closed_day);
    expect(closedDays(await summaries('zarechny'))).toEqual(['2026-03-07']);
    expect(closedDays(await summaries('sosnovka'))).toEqual(['2026-03-06']);

    // What the trigger rebuilt is what a rebuild from scratch computes.
    const kept = await summaries('zarechny');
    await p.db.query('SELECT analytics_rebuild($1)', [ids.zarechny]);
    expect(await summaries('zarechny')).toEqual(kept);
  });

  it('rebuilds the summaries in the transaction of the change: a rollback keeps the old days', async () => {
    const before = await summaries('sosnovka');
    const failed = await p.db
      .transaction(async (tx) => {
        await setMunicipalityTimeZone(
          { ...p.systemCtx(tx, 'tz-test'), tenant: null },
          'sosnovka',
          'Europe/Kaliningrad',
        );
        await setMunicipalityTimeZone(
          { ...p.systemCtx(tx, 'tz-test'), tenant: null },
          'sosnovka',
          'Asia/Vladivostok',
        );
        const [row] = await tx.query<{ day: string }>(
          `SELECT day::text FROM analytics_days WHERE municipality_id = $1 AND district = $2`,
          [ids.sosnovka, DISTRICT],
        );
        // Inside the transaction the summaries already count in the new zone.
        expect(row?.day).toBe('2026-03-06');
        throw new Error('roll back');
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await summaries('sosnovka')).toEqual(before);
    expect(await days('sosnovka')).toEqual({ '2026-03-05': 2 });
  });
});
