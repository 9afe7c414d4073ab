import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { daily, insertAppeals } from '../testing/appeal-rows.ts';
import { randomSource } from '../testing/synthetic.ts';

interface Answer {
  computed_at: string;
  window: { to: string };
  groups: { key: string; history: { week_start: string; count: number }[] }[];
}

// Wednesday 10 June 2026, noon in Moscow: the last complete week is 1–7 June.
const NOW = new Date('2026-06-10T09:00:00Z');
const MINUTE = 60_000;

/** The forecast is computed once per query, hour and data version of the municipality. */
describe('GET /m/:municipality/forecast, cached', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let analyst: TestSession;
  const where = { municipality: 'zarechny', service: 'urban-reports', category: 'roads' };

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    p = await createTestPlatform({ clock });
    analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    const rnd = randomSource(3);
    await insertAppeals(
      p.db,
      where,
      daily('2026-01-19', 142, () => rnd.poisson(5)),
    );
  });
  afterAll(async () => p?.close());

  const get = async (query = '?horizon=2') => {
    const res = await p.app.inject({
      method: 'GET',
      url: `/api/m/zarechny/forecast${query}`,
      headers: analyst.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Answer>();
  };
  const lastWeek = (a: Answer) => a.groups.find((g) => g.key === 'urban-reports.roads')!.history.at(-1)!;

  it('answers from the cache until an audited change, then computes afresh', async () => {
    const first = await get();
    expect(first.computed_at).toBe(NOW.toISOString());
    expect(lastWeek(first).week_start).toBe('2026-06-01');

    // Appeals written past the use cases (no audit record) are not seen: the same answer comes back.
    clock.advance(MINUTE);
    await insertAppeals(
      p.db,
      where,
      daily('2026-06-03', 1, () => 30),
    );
    const cached = await get();
    expect(cached).toEqual(first);

    // Another query is computed on its own.
    expect((await get('?horizon=3')).computed_at).toBe(new Date(NOW.getTime() + MINUTE).toISOString());

    // Any audited change of the municipality (here the spike scan's record) moves its data version.
    clock.advance(MINUTE);
    const scan = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/forecast/spikes/scan',
      headers: analyst.headers,
    });
    expect(scan.statusCode, scan.body).toBe(200);
    const fresh = await get();
    expect(fresh.computed_at).toBe(new Date(NOW.getTime() + 2 * MINUTE).toISOString());
    expect(lastWeek(fresh).count).toBe(lastWeek(first).count + 30);
  });

  it('computes afresh in the next hour: the window ends yesterday, and a local midnight starts a new hour', async () => {
    const before = await get();
    // Midnight in Moscow (21:00 UTC); the session would have expired by then.
    clock.set(new Date('2026-06-10T21:00:00Z'));
    analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    const next = await get();
    expect(before.window.to).toBe('2026-06-09');
    expect(next.window.to).toBe('2026-06-10');
    expect(next.computed_at).toBe('2026-06-10T21:00:00.000Z');
  });
});
