import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import { daily, insertAppeals } from '../testing/appeal-rows.ts';
import { randomSource } from '../testing/synthetic.ts';

interface Scan {
  opened: number;
  spikes: { key: string; day: string; document_id: string; opened: boolean }[];
  ended: { key: string; day: string; document_id: string; ended_on: string; action: string }[];
}
interface Doc {
  document: { status: string };
  history: { type: string; actor: string; data: Record<string, unknown> }[];
}

const ROADS = { municipality: 'zarechny', service: 'urban-reports', category: 'roads' };
const BUILDING = { ...ROADS, category: 'building' };
/** `n` appeals at 10:00 Moscow time on `day`. */
const burst = (day: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(new Date(`${day}T07:00:00Z`).getTime() + i * 60_000));
/** Ordinary days: four road reports and three building ones a day, as in the history. */
const ordinary = async (p: TestPlatform, from: string, days: number) => {
  await insertAppeals(
    p.db,
    ROADS,
    daily(from, days, () => 4),
  );
  await insertAppeals(
    p.db,
    BUILDING,
    daily(from, days, () => 3),
  );
};

/**
 * A spike's signal is closed when a later scan finds the category back within its band for
 * SPIKE_OVER_DAYS (3) complete days; a signal staff took into work gets a history note instead; a
 * spike after that opens a new signal.
 */
describe('the end of a spike', () => {
  let p: TestPlatform;
  let clock: ManualClock;

  beforeAll(async () => {
    // Wednesday 10 June 2026, 15:00 in Moscow.
    clock = new ManualClock('2026-06-10T12:00:00Z');
    p = await createTestPlatform({ clock });
    const rnd = randomSource(7);
    await insertAppeals(
      p.db,
      ROADS,
      daily('2026-03-16', 86, () => rnd.poisson(4)),
    );
    await insertAppeals(
      p.db,
      BUILDING,
      daily('2026-03-16', 86, () => rnd.poisson(3)),
    );
    await insertAppeals(p.db, ROADS, burst('2026-06-10', 40));
  });
  afterAll(async () => p?.close());

  /** Moves the clock, logs in afresh (sessions expire) and scans. */
  const scanAt = async (at: string): Promise<Scan> => {
    clock.set(new Date(at));
    const analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/forecast/spikes/scan',
      headers: analyst.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Scan>();
  };
  const documentOf = async (id: string): Promise<Doc> => {
    const registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    const res = await p.app.inject({
      method: 'GET',
      url: `/api/m/zarechny/documents/${id}`,
      headers: registrar.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Doc>();
  };
  const audit = async (action: string) =>
    p.db.query<{ entity_id: string; after: Record<string, unknown> }>(
      `SELECT entity_id, after FROM audit_log WHERE action = $1 ORDER BY seq`,
      [action],
    );
  let first = '';

  it('closes an untouched signal after three normal days, through the document flow', async () => {
    const opening = await scanAt('2026-06-10T12:00:00Z');
    expect(opening.opened).toBe(1);
    expect(opening.ended).toEqual([]);
    first = opening.spikes[0]!.document_id;

    // Saturday morning: two normal days since the spike are not enough.
    await ordinary(p, '2026-06-11', 2);
    expect((await scanAt('2026-06-13T03:00:00Z')).ended).toEqual([]);
    expect((await documentOf(first)).document.status).toBe('registered');

    // Sunday morning: 11, 12 and 13 June were normal.
    await ordinary(p, '2026-06-13', 1);
    const sunday = await scanAt('2026-06-14T03:00:00Z');
    expect(sunday.ended).toEqual([
      {
        key: 'urban-reports.roads',
        day: '2026-06-10',
        document_id: first,
        ended_on: '2026-06-13',
        action: 'closed',
      },
    ]);
    const doc = await documentOf(first);
    expect(doc.document.status).toBe('closed');
    expect(doc.history.at(-1)).toMatchObject({
      type: 'spike_over_closed',
      data: { from: 'registered', to: 'closed', day: '2026-06-10', normalDays: 3, endedOn: '2026-06-13' },
    });
    expect(await audit('document.spike_over_closed')).toEqual([
      expect.objectContaining({ entity_id: first }),
    ]);
    expect(await audit('forecast.spike_ended')).toEqual([
      expect.objectContaining({ entity_id: first, after: expect.objectContaining({ action: 'closed' }) }),
    ]);

    // Again the same morning: nothing is ended twice.
    expect((await scanAt('2026-06-14T04:00:00Z')).ended).toEqual([]);
    const analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    const list = await p.app.inject({
      method: 'GET',
      url: '/api/m/zarechny/forecast/spikes',
      headers: analyst.headers,
    });
    expect(list.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ document_id: first, ended_on: '2026-06-13', end_action: 'closed' }),
    ]);
  });

  it('opens a new signal when the spike recurs, and only notes the end on a signal in work', async () => {
    // Monday 15 June: the roads burst again.
    await insertAppeals(p.db, ROADS, burst('2026-06-15', 40));
    const recurring = await scanAt('2026-06-15T12:00:00Z');
    expect(recurring.opened).toBe(1);
    const second = recurring.spikes.find((s) => s.day === '2026-06-15')!;
    expect(second).toMatchObject({ key: 'urban-reports.roads', opened: true });
    expect(second.document_id).not.toBe(first);

    // The head takes it into work: a resolution to the executor.
    const head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
    const [executor] = await p.db.query<{ id: string }>(
      `SELECT id FROM users WHERE email = 'executor@zarechny.demo.zemstvo.ru'`,
    );
    const resolution = await p.app.inject({
      method: 'POST',
      url: `/api/m/zarechny/documents/${second.document_id}/resolutions`,
      headers: head.headers,
      payload: {
        responsibleUserId: executor!.id,
        dueDate: '2026-06-26',
        instruction: 'Проверить причину всплеска.',
      },
    });
    expect(resolution.statusCode, resolution.body).toBe(201);

    await ordinary(p, '2026-06-16', 3);
    const friday = await scanAt('2026-06-19T03:00:00Z');
    expect(friday.ended).toEqual([
      expect.objectContaining({ document_id: second.document_id, ended_on: '2026-06-18', action: 'noted' }),
    ]);
    const doc = await documentOf(second.document_id);
    expect(doc.document.status).toBe('in_work');
    expect(doc.history.at(-1)).toMatchObject({
      type: 'spike_over',
      data: { day: '2026-06-15', normalDays: 3, endedOn: '2026-06-18' },
    });
    // The first signal stays closed.
    expect((await documentOf(first)).document.status).toBe('closed');
  });
});
