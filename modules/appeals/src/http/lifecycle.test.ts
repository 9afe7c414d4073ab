import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { onAnswerDispatched, onResolution } from '../application/lifecycle.ts';
import { answerFields, recipientOf } from '../application/recipient.ts';
import { asSystemIn, fileAppeal, reportBody } from '../test/factories.ts';

describe('statuses, the workflow hooks and the resident’s verdict', () => {
  let p: TestPlatform;
  let resident: TestSession;
  let registrar: TestSession;
  let head: TestSession;
  let executor: TestSession;
  const clock = new ManualClock('2026-04-06T07:00:00Z');

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
    executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
  });
  afterAll(async () => p.close());

  const act = (s: TestSession, id: string, action: string, payload: object) =>
    p.app.inject({
      method: 'POST',
      url: `/api/m/zarechny/appeals/${id}/${action}`,
      headers: s.headers,
      payload,
    });
  const mine = (s: TestSession, id: string, action = '', payload?: object) =>
    p.app.inject({
      method: payload ? 'POST' : 'GET',
      url: `/api/me/appeals/zarechny/${id}${action}`,
      headers: s.headers,
      ...(payload ? { payload } : {}),
    });
  const registered = async (body?: object) => {
    const id = await fileAppeal(p, 'zarechny', resident.headers, body);
    expect((await act(registrar, id, 'register', {})).statusCode).toBe(200);
    return id;
  };
  /** An answer document dispatched by the workflow (made directly: the answer's own flow is the documents module's). */
  const answer = (id: string) =>
    asSystemIn(p, 'zarechny', async (ctx) => {
      const [row] = await ctx.tx.query<{ id: string }>(
        `INSERT INTO documents (municipality_id, direction, kind, status, title, parent_id, created_at, updated_at)
         VALUES ($1, 'outgoing', 'answer', 'dispatched', 'Ответ', $2, now(), now()) RETURNING id`,
        [ctx.tenant!.municipalityId, id],
      );
      // The workflow closes the incoming document when its answer is dispatched.
      await ctx.tx.query(`UPDATE documents SET status = 'closed' WHERE municipality_id = $1 AND id = $2`, [
        ctx.tenant!.municipalityId,
        id,
      ]);
      await onAnswerDispatched(ctx, id, row!.id);
      return row!.id;
    });

  it('staff move a report along FixMyStreet’s statuses; a report closes with its outcome', async () => {
    const id = await registered(reportBody());
    expect((await act(executor, id, 'status', { status: 'investigating' })).json().status).toBe(
      'investigating',
    );
    expect(
      (await act(executor, id, 'status', { status: 'planned', comment: 'В плане ремонта на май' })).json(),
    ).toMatchObject({ status: 'planned', stage: 'consideration' });
    const fixed = (await act(head, id, 'status', { status: 'fixed' })).json();
    expect(fixed.status).toBe('fixed');
    expect(fixed.closedAt).not.toBeNull();
    const refused = await act(head, id, 'status', { status: 'in_progress' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'bad_transition']);
    const notSettable = await act(head, id, 'status', { status: 'answered' });
    expect(notSettable.statusCode).toBe(400);
    expect((await act(registrar, id, 'status', { status: 'closed' })).statusCode).toBe(403);
  });

  it('a 59-FZ appeal marked «unable to fix» stays open until its answer is dispatched', async () => {
    const id = await registered();
    const marked = (await act(head, id, 'status', { status: 'unable_to_fix' })).json();
    expect(marked).toMatchObject({ status: 'unable_to_fix', closedAt: null });
    const answerId = await answer(id);
    const [a] = await p.db.query<{ status: string; closed: boolean; answer: string }>(
      'SELECT status, closed_at IS NOT NULL AS closed, answer_document_id AS answer FROM appeals WHERE document_id = $1',
      [id],
    );
    expect(a).toEqual({ status: 'unable_to_fix', closed: true, answer: answerId });
  });

  it('marks a duplicate only of an appeal of the same municipality', async () => {
    const original = await registered(reportBody());
    const copy = await registered(reportBody());
    expect((await act(head, copy, 'status', { status: 'duplicate' })).json().error.code).toBe(
      'duplicate_of_required',
    );
    expect(
      (await act(head, copy, 'status', { status: 'duplicate', duplicateOf: copy })).json().error.code,
    ).toBe('duplicate_of_self');
    const foreign = await fileAppeal(p, 'sosnovka', resident.headers);
    expect(
      (await act(head, copy, 'status', { status: 'duplicate', duplicateOf: foreign })).json().error.code,
    ).toBe('duplicate_of_not_found');
    const ok = (await act(head, copy, 'status', { status: 'duplicate', duplicateOf: original })).json();
    expect(ok).toMatchObject({ status: 'duplicate', duplicateOf: original, stage: 'closed' });
  });

  it('follows the workflow: a resolution puts the appeal in progress, the dispatched answer closes it (once)', async () => {
    const id = await registered();
    await asSystemIn(p, 'zarechny', (ctx) => onResolution(ctx, id));
    const view = async () =>
      (await p.app.inject({ url: `/api/m/zarechny/appeals/${id}`, headers: registrar.headers })).json();
    expect((await view()).appeal.status).toBe('in_progress');
    const answerId = await answer(id);
    const v = await view();
    expect(v.appeal).toMatchObject({ status: 'answered', stage: 'answered', answerDocumentId: answerId });
    expect(v.history.filter((h: { type: string }) => h.type === 'appeal_answered')).toHaveLength(1);
    await asSystemIn(p, 'zarechny', (ctx) => onAnswerDispatched(ctx, id, answerId));
    expect((await view()).history.filter((h: { type: string }) => h.type === 'appeal_answered')).toHaveLength(
      1,
    );
    // Not an appeal: the hooks do nothing.
    await asSystemIn(p, 'zarechny', (ctx) => onResolution(ctx, answerId));
  });

  it('closes an Art. 11 case when its notice is dispatched', async () => {
    const id = await registered();
    await act(head, id, 'special-handling', { code: 'abusive' });
    await answer(id);
    const [a] = await p.db.query<{ status: string; stage: string }>(
      'SELECT status, stage FROM appeals WHERE document_id = $1',
      [id],
    );
    expect(a).toEqual({ status: 'closed', stage: 'no_answer' });
  });

  it('tells the workflow who the answer goes to and the fields of its template', async () => {
    const id = await registered();
    const { recipient, fields, none } = await asSystemIn(p, 'zarechny', async (ctx) => ({
      recipient: await recipientOf(ctx, id),
      fields: await answerFields(ctx, id),
      none: await recipientOf(ctx, '00000000-0000-4000-8000-000000000000'),
    }));
    expect(recipient).toMatchObject({
      name: 'Жителева Елена',
      email: 'resident@demo.zemstvo.ru',
      postalAddress: null,
    });
    expect(recipient!.userId).not.toBeNull();
    expect(fields).toMatchObject({
      applicant_name: 'Жителева Елена',
      appeal_received: '2026-04-06',
      appeal_date: '2026-04-06',
    });
    expect(fields.appeal_number).toMatch(/^ОГ-2026\//);
    expect(none).toBeNull();
  });

  it('reopens with the document when the head reopens it through the workflow', async () => {
    const id = await registered();
    await answer(id);
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/m/zarechny/documents/${id}/reopen`,
      headers: head.headers,
      payload: { reason: 'Проверка прокуратуры' },
    });
    expect(res.statusCode).toBe(200);
    const v = (await p.app.inject({ url: `/api/m/zarechny/appeals/${id}`, headers: head.headers })).json();
    expect(v.appeal).toMatchObject({ status: 'reopened', closedAt: null, rejectedAt: null });
    expect(v.history.map((h: { type: string }) => h.type)).toContain('appeal_reopened');
  });

  it('shows residents their own appeals with the dispatched answer; rating and rejection reopen the case to the head', async () => {
    const id = await registered();
    const early = await mine(resident, id, '/rating', { rating: 5 });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'not_answered']);
    const answerId = await answer(id);
    const list = (await p.app.inject({ url: '/api/me/appeals?limit=200', headers: resident.headers })).json();
    const item = list.items.find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({
      municipality: 'zarechny',
      status: 'answered',
      answers: [{ id: answerId, kind: 'answer' }],
    });
    expect(item.regNumber).toMatch(/^ОГ-/);
    expect(list.total).toBeGreaterThanOrEqual(list.items.length);

    const rated = await mine(resident, id, '/rating', { rating: 2, comment: 'Ответ формальный' });
    expect(rated.json()).toMatchObject({ rating: 2, ratingComment: 'Ответ формальный' });
    expect((await mine(resident, id, '/rating', { rating: 6 })).statusCode).toBe(400);

    const other = await p.loginAs('resident2@demo.zemstvo.ru');
    expect((await mine(other, id)).statusCode).toBe(404);
    expect((await mine(other, id, '/rejection', { comment: 'Не моё' })).statusCode).toBe(404);
    expect((await p.app.inject({ url: `/api/me/appeals/zarechny/${id}` })).statusCode).toBe(401);

    const rejected = await mine(resident, id, '/rejection', {
      comment: 'Не удовлетворён: перерасчёт не сделан',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'reopened', closedAt: null });
    expect(rejected.json().rejectedAt).not.toBeNull();
    const box = (
      await p.app.inject({ url: '/api/m/zarechny/inbox?box=to_decide&limit=200', headers: head.headers })
    ).json();
    expect(box.items.map((x: { id: string }) => x.id)).toContain(id);
    const staff = (
      await p.app.inject({ url: `/api/m/zarechny/appeals/${id}`, headers: head.headers })
    ).json();
    expect(staff.history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['answer_rated', 'answer_rejected', 'reopened']),
    );
    expect(staff.appeal.answerDue).not.toBeNull();
    const [doc] = await p.db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [id]);
    expect(doc!.status).toBe('registered');
    expect((await mine(resident, id, '/rejection', { comment: 'Ещё раз' })).json().error.code).toBe(
      'not_answered',
    );
  });
});
