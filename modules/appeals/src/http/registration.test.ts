import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadline, fz59, russianProductionCalendar, WorkingCalendar } from '@zemstvo/calendar';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, fileAppeal, postAppeal } from '../test/factories.ts';

const cal = new WorkingCalendar(russianProductionCalendar);
const DAY = 86_400_000;

describe('registration and 59-FZ handling', () => {
  let p: TestPlatform;
  let resident: TestSession;
  let registrar: TestSession;
  let head: TestSession;
  const clock = new ManualClock('2026-02-02T07:00:00Z'); // Monday, 10:00 in Moscow

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
  });
  afterAll(async () => p.close());

  const post = (session: TestSession, id: string, action: string, payload: object, slug = 'zarechny') =>
    p.app.inject({
      method: 'POST',
      url: `/api/m/${slug}/appeals/${id}/${action}`,
      headers: session.headers,
      payload,
    });
  const detail = async (id: string) =>
    (await p.app.inject({ url: `/api/m/zarechny/appeals/${id}`, headers: registrar.headers })).json<{
      appeal: Record<string, unknown> & {
        questions: { repetition: string; repeatedOf: string | null; themeCode: string | null }[];
      };
      history: { type: string; data: Record<string, unknown> }[];
    }>();
  const audits = async (id: string) =>
    (
      await p.db.query<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq', [
        id,
      ])
    ).map((r) => r.action);

  it('registers: journal number, answer deadline 30 days from registration (Art. 12 p.1) with its rule, redirect deadline', async () => {
    const id = await fileAppeal(p, 'zarechny', resident.headers);
    const res = await post(registrar, id, 'register', {});
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.regNumber).toMatch(/^ОГ-2026\/\d{6}$/);
    expect(a).toMatchObject({
      status: 'registered',
      stage: 'registered',
      answerDue: computeDeadline(fz59.answer, '2026-02-02', cal).due,
      redirectDue: computeDeadline(fz59.redirect, '2026-02-02', cal).due,
      deadlineRule: { code: 'fz59.answer', version: 1 },
    });
    expect(a.answerDue).toBe('2026-03-04');
    expect(a.questions).toEqual([
      expect.objectContaining({ n: 1, themeCode: 'utilities', repetition: 'primary' }),
    ]);
    const d = await detail(id);
    expect(d.history.map((h) => h.type)).toEqual(['received', 'registered', 'appeal_registered']);
    expect(d.history[2]!.data).toMatchObject({
      rule: 'fz59.answer',
      source: '59-ФЗ, ст. 12, ч. 1',
      late: false,
    });
    expect(await audits(id)).toEqual([
      'document.created',
      'appeal.submitted',
      'document.registered',
      'appeal.registered',
    ]);
    const again = await post(registrar, id, 'register', {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'already_registered']);
  });

  it('only the registrar registers; another municipality’s appeal is not found', async () => {
    const id = await fileAppeal(p, 'zarechny', resident.headers);
    const executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
    expect((await post(executor, id, 'register', {})).statusCode).toBe(403);
    expect((await post(resident, id, 'register', {})).statusCode).toBe(403);
    const foreign = await fileAppeal(p, 'sosnovka', resident.headers);
    const res = await post(registrar, foreign, 'register', {});
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'appeal_not_found']);
  });

  it('keeps several questions with themes and marks a question repeated after an earlier answer on its theme', async () => {
    const first = await fileAppeal(p, 'zarechny', resident.headers);
    await post(registrar, first, 'register', {});
    // The earlier appeal was answered (the documents workflow reports the dispatch through the hook).
    await p.db.query(`UPDATE appeals SET stage = 'answered', status = 'answered' WHERE document_id = $1`, [
      first,
    ]);
    clock.advance(1000);
    const second = await fileAppeal(p, 'zarechny', resident.headers);
    const res = await post(registrar, second, 'register', {
      questions: [
        { text: 'Снова о перерасчёте за отопление', theme: 'utilities' },
        { text: 'И о вывозе мусора', theme: 'waste' },
      ],
    });
    expect(res.json().questions).toEqual([
      {
        n: 1,
        text: 'Снова о перерасчёте за отопление',
        themeCode: 'utilities',
        repetition: 'repeated',
        repeatedOf: first,
      },
      { n: 2, text: 'И о вывозе мусора', themeCode: 'waste', repetition: 'primary', repeatedOf: null },
    ]);
    const bad = await post(registrar, await fileAppeal(p, 'zarechny', resident.headers), 'register', {
      questions: [{ text: 'x', theme: 'nope' }],
    });
    expect(bad.json().error.code).toBe('unknown_theme');
  });

  it('marks a registration after the 3-day period as late in the history', async () => {
    const id = await fileAppeal(p, 'zarechny', resident.headers);
    // As if it had been received ten days ago.
    await p.db.query(`UPDATE appeals SET registration_due = registration_due - 10 WHERE document_id = $1`, [
      id,
    ]);
    await post(registrar, id, 'register', {});
    const d = await detail(id);
    expect(d.history.find((h) => h.type === 'appeal_registered')!.data.late).toBe(true);
  });

  it('Art. 11 p.1: an appeal without a reply address gets no answer and closes; one that names the applicant cannot be treated so', async () => {
    const anonymous = await postAppeal(p, 'zarechny', appealBody({}, { email: '' }), {}, '192.0.2.10');
    const id = anonymous.json().appeal.id;
    const before = (await post(registrar, id, 'register', {})).json();
    expect(before.suggestedSpecialHandling).toBe('anonymous');
    const res = await post(head, id, 'special-handling', { code: 'anonymous' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      stage: 'no_answer',
      specialHandling: { code: 'anonymous', source: '59-ФЗ, ст. 11, ч. 1' },
      answerDue: null,
    });
    expect(res.json().closedAt).not.toBeNull();
    const [doc] = await p.db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [id]);
    expect(doc!.status).toBe('closed');
    const known = await fileAppeal(p, 'zarechny', resident.headers);
    await post(registrar, known, 'register', {});
    expect((await post(head, known, 'special-handling', { code: 'anonymous' })).json().error.code).toBe(
      'applicant_identified',
    );
  });

  it('Art. 11 p.1: an anonymous report of a crime is forwarded to law enforcement (at registration)', async () => {
    const res = await postAppeal(
      p,
      'zarechny',
      appealBody({}, { email: '', text: 'Сосед торгует наркотиками в подъезде' }),
      {},
      '192.0.2.11',
    );
    const id = res.json().appeal.id;
    const noBody = await post(registrar, id, 'register', { specialHandling: { code: 'crime_forwarded' } });
    expect(noBody.json().error.code).toBe('forwarded_to_required');
    // The refusal rolled the registration back as a whole.
    expect((await detail(id)).appeal.regNumber).toBeNull();
    const ok = await post(registrar, id, 'register', {
      specialHandling: { code: 'crime_forwarded', forwardedTo: 'ОМВД по г. Заречный' },
    });
    expect(ok.json()).toMatchObject({
      status: 'redirected',
      stage: 'redirected',
      crimeForwardedTo: 'ОМВД по г. Заречный',
      redirectedTo: 'ОМВД по г. Заречный',
    });
  });

  it('Art. 11 p.4, 4.1: unreadable text or undeterminable essence — a notice within 7 days of registration', async () => {
    for (const code of ['unreadable', 'essence_unclear'] as const) {
      const id = await fileAppeal(p, 'zarechny', resident.headers);
      await post(registrar, id, 'register', {});
      const res = await post(head, id, 'special-handling', { code, note: 'Текст не читается' });
      expect(res.json()).toMatchObject({
        stage: 'no_answer',
        status: 'registered',
        noticeDue: computeDeadline(fz59.unreadableNotice, '2026-02-02', cal).due,
        answerDue: null,
        closedAt: null,
      });
      const d = await detail(id);
      expect(d.history.find((h) => h.type === 'notice_required')!.data).toMatchObject({
        purpose: 'notice_unreadable',
        notifiedBy: ['cabinet', 'email'],
      });
      expect((await post(head, id, 'special-handling', { code: 'abusive' })).json().error.code).toBe(
        'already_handled',
      );
    }
  });

  it('Art. 11 p.3 and p.5: abusive language and repeated appeals wait for the notice by the answer deadline; only 59-FZ packages', async () => {
    for (const code of ['abusive', 'repeated_no_new_arguments'] as const) {
      const id = await fileAppeal(p, 'zarechny', resident.headers);
      const reg = (await post(registrar, id, 'register', {})).json();
      const res = await post(head, id, 'special-handling', { code });
      expect(res.json()).toMatchObject({
        stage: 'no_answer',
        noticeDue: reg.answerDue,
        answerDue: reg.answerDue,
      });
      expect(res.json().specialHandling.source).toBe(
        code === 'abusive' ? '59-ФЗ, ст. 11, ч. 3' : '59-ФЗ, ст. 11, ч. 5',
      );
    }
    const report = await fileAppeal(p, 'zarechny', resident.headers, {
      service: 'urban-reports',
      category: 'roads',
      fields: { location: { lat: 56.8, lon: 61.3 }, text: 'Яма' },
    });
    await post(registrar, report, 'register', {});
    expect((await post(head, report, 'special-handling', { code: 'abusive' })).json().error.code).toBe(
      'not_law59',
    );
    const unregistered = await fileAppeal(p, 'zarechny', resident.headers);
    expect((await post(head, unregistered, 'special-handling', { code: 'abusive' })).json().error.code).toBe(
      'not_registered',
    );
    // The registrar may not decide later on the merits (that is the head's).
    expect((await post(registrar, unregistered, 'special-handling', { code: 'abusive' })).statusCode).toBe(
      403,
    );
  });

  it('Art. 8 p.3: redirects to the competent body with a notice to the applicant, marked late after 7 days', async () => {
    const id = await fileAppeal(p, 'zarechny', resident.headers);
    expect((await post(registrar, id, 'redirect', { to: 'Министерство' })).json().error.code).toBe(
      'not_registered',
    );
    await post(registrar, id, 'register', {});
    const res = await post(registrar, id, 'redirect', { to: 'Министерство строительства края' });
    expect(res.json()).toMatchObject({
      status: 'redirected',
      stage: 'redirected',
      redirectedTo: 'Министерство строительства края',
    });
    const d = await detail(id);
    expect(d.history.find((h) => h.type === 'redirected')!.data).toMatchObject({
      late: false,
      source: '59-ФЗ, ст. 8, ч. 3',
    });
    expect(d.history.find((h) => h.type === 'notice_required')!.data).toMatchObject({
      purpose: 'notice_redirect',
    });
    const mail = await p.db.query<{ subject: string }>(
      `SELECT subject FROM mail_outbox WHERE to_address = 'resident@demo.zemstvo.ru' AND subject LIKE '%переадресовано%'`,
    );
    expect(mail.length).toBeGreaterThan(0);
    expect((await post(registrar, id, 'redirect', { to: 'Ещё куда-то' })).json().error.code).toBe(
      'appeal_closed',
    );

    const late = await fileAppeal(p, 'zarechny', resident.headers);
    await post(registrar, late, 'register', {});
    // As if it had been registered twelve days ago.
    await p.db.query(`UPDATE appeals SET redirect_due = redirect_due - 12 WHERE document_id = $1`, [late]);
    await post(registrar, late, 'redirect', { to: 'Прокуратура' });
    expect((await detail(late)).history.find((h) => h.type === 'redirected')!.data.late).toBe(true);
  });

  it('Art. 12 p.2: the head extends the answer deadline once, by at most 30 days, notifying the applicant', async () => {
    const id = await fileAppeal(p, 'zarechny', resident.headers);
    const reg = (await post(registrar, id, 'register', {})).json();
    expect(
      (await post(registrar, id, 'extend', { days: 10, reason: 'Запрос в министерство' })).statusCode,
    ).toBe(403);
    const tooLong = await post(head, id, 'extend', { days: 31, reason: 'Слишком долго' });
    expect([tooLong.statusCode, tooLong.json().error.code]).toEqual([400, 'extension_too_long']);
    const ok = await post(head, id, 'extend', { days: 30, reason: 'Запрос в министерство' });
    expect(ok.statusCode).toBe(200);
    const expected = new Date(Date.parse(`${reg.answerDue}T00:00:00Z`) + 30 * DAY).toISOString().slice(0, 10);
    expect(ok.json()).toMatchObject({
      extensions: 1,
      extensionReason: 'Запрос в министерство',
      answerDue: cal.onOrBefore(expected),
    });
    const twice = await post(head, id, 'extend', { days: 5, reason: 'Ещё' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'already_extended']);
    const d = await detail(id);
    expect(d.history.find((h) => h.type === 'deadline_extended')!.data).toMatchObject({
      from: reg.answerDue,
      days: 30,
      source: '59-ФЗ, ст. 12, ч. 2',
    });
    expect(d.history.find((h) => h.type === 'notice_required')!.data).toMatchObject({
      purpose: 'notice_extension',
    });
    expect(await audits(id)).toContain('appeal.deadline_extended');
    const [doc] = await p.db.query<{ due: string }>(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM documents WHERE id = $1`,
      [id],
    );
    expect(doc!.due).toBe(ok.json().answerDue);
  });
});
