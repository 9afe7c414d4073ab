import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadline, fz59, russianProductionCalendar, WorkingCalendar } from '@zemstvo/calendar';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { answerFields } from '../application/recipient.ts';
import { appealBody, asSystemIn, fileAppeal } from '../test/factories.ts';

const cal = new WorkingCalendar(russianProductionCalendar);
const due = (rule: keyof typeof fz59, from: string) => computeDeadline(fz59[rule], from, cal).due;

/**
 * Zarechny moves to Vladivostok (UTC+10); Sosnovka stays in Moscow (UTC+3). The same instant is a
 * different local day in each, and 59-FZ terms run from the local day of registration.
 */
describe('each municipality counts its days in its own time zone', () => {
  let p: TestPlatform;
  let resident: TestSession;
  const registrar: Record<string, TestSession> = {};
  const head: Record<string, TestSession> = {};
  // 15:30 UTC on Thursday 5 March 2026: 01:30 on Friday 6 March in Vladivostok, 18:30 on 5 March in Moscow.
  const clock = new ManualClock('2026-03-05T15:30:00Z');
  const MUNICIPALITIES = ['zarechny', 'sosnovka'] as const;

  // Sessions end when they idle for weeks: everyone signs in again after the clock moves.
  const login = async () => {
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    for (const m of MUNICIPALITIES) {
      registrar[m] = await p.loginAs(`registrar@${m}.demo.zemstvo.ru`);
      head[m] = await p.loginAs(`head@${m}.demo.zemstvo.ru`);
    }
  };

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    const operator = await p.loginAs('operator@demo.zemstvo.ru');
    const res = await p.app.inject({
      method: 'PATCH',
      url: '/api/m/zarechny',
      headers: operator.headers,
      payload: { timeZone: 'Asia/Vladivostok' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await login();
  });
  afterAll(async () => p?.close());

  const fileAndRegister = async (m: string) => {
    const id = await fileAppeal(p, m, resident.headers, appealBody({}, { text: `Обращение о времени ${m}` }));
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/m/${m}/appeals/${id}/register`,
      headers: registrar[m]!.headers,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return { id, ...res.json<{ registrationDue: string; answerDue: string; redirectDue: string }>() };
  };
  const inbox = async (m: string, query: string) => {
    const res = await p.app.inject({
      url: `/api/m/${m}/inbox?${query}&limit=200`,
      headers: head[m]!.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { id: string; overdue: boolean }[] }>().items;
  };
  const cases: Record<string, string> = {};

  it('registers an appeal received at 2026-03-05T15:30Z on 6 March in Vladivostok and on 5 March in Moscow', async () => {
    const vladivostok = await fileAndRegister('zarechny');
    const moscow = await fileAndRegister('sosnovka');
    cases.zarechny = vladivostok.id;
    cases.sosnovka = moscow.id;
    // 59-FZ Art. 8 Part 2 (registration within 3 days of receipt), Art. 8 Part 3 (redirect within 7
    // days of registration), Art. 12 Part 1 (answer within 30 days of registration): local days.
    expect(vladivostok).toMatchObject({
      registrationDue: due('registration', '2026-03-06'),
      redirectDue: due('redirect', '2026-03-06'),
      answerDue: due('answer', '2026-03-06'),
    });
    expect(moscow).toMatchObject({
      registrationDue: due('registration', '2026-03-05'),
      redirectDue: due('redirect', '2026-03-05'),
      answerDue: due('answer', '2026-03-05'),
    });
    expect([vladivostok.redirectDue, moscow.redirectDue]).toEqual(['2026-03-13', '2026-03-12']);
    // The answer's template fields give the registration and receipt dates as local days.
    const fields = await Promise.all(
      MUNICIPALITIES.map((m) => asSystemIn(p, m, (ctx) => answerFields(ctx, cases[m]!))),
    );
    expect(fields.map((f) => [f.appeal_date, f.appeal_received])).toEqual([
      ['2026-03-06', '2026-03-06'],
      ['2026-03-05', '2026-03-05'],
    ]);
  });

  it('counts registration and answer deadlines from the local day (no day off hides the difference)', async () => {
    clock.set('2026-03-16T15:30:00Z'); // Monday in Moscow, Tuesday 01:30 in Vladivostok
    await login();
    const vladivostok = await fileAndRegister('zarechny');
    const moscow = await fileAndRegister('sosnovka');
    expect([vladivostok.registrationDue, vladivostok.answerDue]).toEqual(['2026-03-20', '2026-04-16']);
    expect([moscow.registrationDue, moscow.answerDue]).toEqual(['2026-03-19', '2026-04-15']);
  });

  it('filters the inbox by local days of receipt', async () => {
    const ids = async (m: string, day: string) => (await inbox(m, `from=${day}&to=${day}`)).map((x) => x.id);
    expect(await ids('zarechny', '2026-03-06')).toContain(cases.zarechny);
    expect(await ids('zarechny', '2026-03-05')).not.toContain(cases.zarechny);
    expect(await ids('sosnovka', '2026-03-05')).toContain(cases.sosnovka);
    expect(await ids('sosnovka', '2026-03-06')).not.toContain(cases.sosnovka);
  });

  it('makes a case overdue when its local day is past the due date', async () => {
    // Both answers are due on Friday 3 April. At 15:30 UTC that day it is already 4 April in Vladivostok.
    clock.set('2026-04-03T15:30:00Z');
    await login();
    const overdue = async (m: string) => (await inbox(m, 'box=overdue')).map((x) => x.id);
    expect(await overdue('zarechny')).toContain(cases.zarechny);
    expect(await overdue('sosnovka')).not.toContain(cases.sosnovka);
    const all = async (m: string) => (await inbox(m, 'box=all')).find((x) => x.id === cases[m]);
    expect(await all('zarechny')).toMatchObject({ overdue: true });
    expect(await all('sosnovka')).toMatchObject({ overdue: false });
  });
});
