import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { addStaff, makeRegisteredIncoming, userIdOf } from '../test/factories.ts';

// Monday 2 March 2026, 10:00 in Moscow. 9 March 2026 is a day off (8 March falls on a Sunday).
const clock = new ManualClock('2026-03-02T07:00:00Z');
let p: TestPlatform;
let head: TestSession;
let executor: TestSession;
let ids: {
  head: string;
  executor: string;
  coExecutor: string;
  approver: string;
  foreignExecutor: string;
  resident: string;
};

const url = (path: string) => `/api/m/zarechny${path}`;

async function resolve(docId: string, body: object, session = head) {
  return p.app.inject({
    method: 'POST',
    url: url(`/documents/${docId}/resolutions`),
    headers: session.headers,
    payload: body,
  });
}

async function notifications(session: TestSession) {
  const res = await p.app.inject({ url: '/api/me/notifications', headers: session.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{
    items: {
      id: string;
      kind: string;
      documentId: string;
      assignmentId: string;
      textRu: string;
      textEn: string;
    }[];
    unread: number;
  }>();
}

async function outboxTo(email: string): Promise<{ subject: string; body_text: string }[]> {
  return p.db.query(
    'SELECT subject, body_text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at, id',
    [email],
  );
}

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  ids = {
    head: await userIdOf(p, 'head@zarechny.demo.zemstvo.ru'),
    executor: await userIdOf(p, 'executor@zarechny.demo.zemstvo.ru'),
    coExecutor: await addStaff(
      p,
      'zarechny',
      'co-executor@zarechny.demo.zemstvo.ru',
      ['executor'],
      'Софья Соисполнителева',
    ),
    approver: await userIdOf(p, 'approver@zarechny.demo.zemstvo.ru'),
    foreignExecutor: await userIdOf(p, 'executor@sosnovka.demo.zemstvo.ru'),
    resident: await userIdOf(p, 'resident@demo.zemstvo.ru'),
  };
});
afterAll(async () => p.close());

// Tests move the clock past session lifetimes: every test starts on the Monday with fresh sessions.
beforeEach(async () => {
  clock.set('2026-03-02T07:00:00Z');
  head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
  executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
});

describe('resolution', () => {
  it('assigns executors, moves the document to work, records history, audit and notifications', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny', { dueDate: '2026-03-31' });
    const res = await resolve(doc.id, {
      responsibleUserId: ids.executor,
      coExecutorUserIds: [ids.coExecutor],
      dueDate: '2026-03-20',
      instruction: 'Проверить и подготовить ответ заявителю.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json<{
      resolution: { id: string; status: string };
      assignments: { id: string; role: string; executorUserId: string }[];
    }>();
    expect(out.resolution.status).toBe('active');
    expect(out.assignments.map((a) => [a.role, a.executorUserId])).toEqual([
      ['responsible', ids.executor],
      ['co_executor', ids.coExecutor],
    ]);

    const view = await p.app.inject({ url: url(`/documents/${doc.id}`), headers: head.headers });
    expect(view.json().document.status).toBe('in_work');
    expect(view.json().history.map((h: { type: string }) => h.type)).toContain('resolution');

    const audit = await p.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [doc.id],
    );
    expect(audit.map((a) => a.action)).toContain('document.resolution_written');

    const mine = (await notifications(executor)).items.filter((n) => n.documentId === doc.id);
    expect(mine.map((n) => n.kind)).toEqual(['assigned']);
    expect(mine[0]!.textRu).toContain(doc.regNumber!);
    expect(
      (await outboxTo('executor@zarechny.demo.zemstvo.ru')).some((m) => m.body_text.includes(doc.id)),
    ).toBe(true);

    const jobs = await p.db.query<{ unique_key: string; run_at: Date }>(
      `SELECT unique_key, run_at FROM jobs WHERE unique_key LIKE $1 ORDER BY unique_key`,
      [`%:${out.assignments[0]!.id}:%`],
    );
    // Reminder 3 working days before Friday 20 March (Tuesday 17th), escalation the morning after the due date.
    expect(jobs.map((j) => [j.unique_key.split(':')[0], j.run_at.toISOString()])).toEqual([
      ['escalate', '2026-03-21T06:00:00.000Z'],
      ['remind', '2026-03-17T06:00:00.000Z'],
    ]);
  });

  it('refuses executors outside the municipality’s staff, without the right to execute, or named twice', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const base = { coExecutorUserIds: [], dueDate: '2026-03-20', instruction: 'Исполнить.' };
    const cases: [object, string][] = [
      [{ responsibleUserId: ids.foreignExecutor }, 'executor_not_staff'],
      [{ responsibleUserId: ids.resident }, 'executor_not_staff'],
      [{ responsibleUserId: ids.approver }, 'executor_cannot_execute'],
      [{ responsibleUserId: ids.executor, coExecutorUserIds: [ids.executor] }, 'executor_repeated'],
    ];
    for (const [body, code] of cases) {
      const res = await resolve(doc.id, { ...base, ...body });
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([400, code]);
    }
  });

  it('refuses a due date in the past or after the document’s legal deadline', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny', { dueDate: '2026-03-16' });
    const body = { responsibleUserId: ids.executor, instruction: 'Исполнить.' };
    const past = await resolve(doc.id, { ...body, dueDate: '2026-03-01' });
    expect([past.statusCode, past.json().error.code]).toEqual([400, 'due_date_past']);
    const late = await resolve(doc.id, { ...body, dueDate: '2026-03-17' });
    expect([late.statusCode, late.json().error.code, late.json().error.details]).toEqual([
      400,
      'due_after_legal_deadline',
      { legalDueDate: '2026-03-16' },
    ]);
    const invalid = await resolve(doc.id, { ...body, dueDate: '2026-02-30' });
    expect([invalid.statusCode, invalid.json().error.code]).toEqual([400, 'validation_failed']);
    expect((await resolve(doc.id, { ...body, dueDate: '2026-03-16' })).statusCode).toBe(201);
  });

  it('needs document.resolve, a registered incoming document of this municipality', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const body = { responsibleUserId: ids.executor, dueDate: '2026-03-20', instruction: 'Исполнить.' };
    const byExecutor = await resolve(doc.id, body, executor);
    expect([byExecutor.statusCode, byExecutor.json().error.code]).toEqual([403, 'forbidden']);
    const foreign = await makeRegisteredIncoming(p, 'sosnovka');
    const res = await resolve(foreign.id, body);
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
  });

  it('re-assignment supersedes the previous resolution: its assignments are cancelled and never reminded', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const first = await resolve(doc.id, {
      responsibleUserId: ids.coExecutor,
      dueDate: '2026-03-05',
      instruction: 'Первое.',
    });
    const oldAssignment = first.json().assignments[0].id as string;
    const second = await resolve(doc.id, {
      responsibleUserId: ids.executor,
      dueDate: '2026-03-13',
      instruction: 'Второе.',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().superseded).toBe(first.json().resolution.id);

    const list = await p.app.inject({ url: url('/assignments?status=cancelled'), headers: head.headers });
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(oldAssignment);
    const view = await p.app.inject({ url: url(`/documents/${doc.id}`), headers: head.headers });
    expect(view.json().history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['resolution', 'resolution_superseded', 'reassigned']),
    );

    clock.set('2026-03-20T06:00:00Z');
    await p.worker.drain();
    const counts = await p.db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM notifications WHERE assignment_id = $1 GROUP BY kind ORDER BY kind`,
      [oldAssignment],
    );
    expect(counts).toEqual([{ kind: 'assigned', n: 1 }]);
  });
});

describe('control of execution', () => {
  it('reminds the executor once, N working days before the due date, and escalates to the head once when overdue', async () => {
    await p.worker.drain();
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    // Due Wednesday 11 March; three working days before, across the day off of 9 March: Thursday 5 March.
    const res = await resolve(doc.id, {
      responsibleUserId: ids.executor,
      dueDate: '2026-03-11',
      instruction: 'Срочно.',
    });
    const a = res.json().assignments[0].id as string;
    const count = async (kind: string) =>
      (
        await p.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE assignment_id = $1 AND kind = $2`,
          [a, kind],
        )
      )[0]!.n;

    clock.set('2026-03-05T05:59:00Z');
    await p.worker.drain();
    expect(await count('reminder')).toBe(0);
    clock.set('2026-03-05T06:00:00Z');
    await p.worker.drain();
    expect(await count('reminder')).toBe(1);
    await p.worker.drain();
    expect(await count('reminder')).toBe(1);
    const reminderMails = (await outboxTo('executor@zarechny.demo.zemstvo.ru')).filter(
      (m) => m.subject.includes('Напоминание') && m.subject.includes(doc.regNumber!),
    );
    expect(reminderMails).toHaveLength(1);

    clock.set('2026-03-11T20:00:00Z');
    await p.worker.drain();
    expect(await count('escalation')).toBe(0);
    clock.set('2026-03-12T06:00:00Z');
    await p.worker.drain();
    await p.worker.drain();
    expect(await count('escalation')).toBe(1);
    head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
    const headNotes = (await notifications(head)).items.filter((n) => n.assignmentId === a);
    expect(headNotes.map((n) => n.kind)).toEqual(['escalation']);
    expect(headNotes[0]!.textRu).toContain('Иван Исполнителев');
    const history = (await p.app.inject({ url: url(`/documents/${doc.id}`), headers: head.headers })).json()
      .history;
    expect(history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['reminder_sent', 'overdue_escalated']),
    );
  });

  it('sends nothing for an assignment completed before its reminder', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const res = await resolve(doc.id, {
      responsibleUserId: ids.executor,
      dueDate: '2026-03-27',
      instruction: 'Исполнить.',
    });
    const a = res.json().assignments[0].id as string;
    const done = await p.app.inject({
      method: 'POST',
      url: url(`/assignments/${a}/complete`),
      headers: executor.headers,
      payload: { report: 'Яма засыпана 3 марта.' },
    });
    expect(done.statusCode, done.body).toBe(200);
    clock.set('2026-03-30T06:00:00Z');
    await p.worker.drain();
    const kinds = await p.db.query<{ kind: string }>(
      `SELECT kind FROM notifications WHERE assignment_id = $1`,
      [a],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['assigned']);
  });
});

describe('assignments', () => {
  it('the executor sees their own and reports completion; the document is executed when all are done', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const res = await resolve(doc.id, {
      responsibleUserId: ids.executor,
      coExecutorUserIds: [ids.coExecutor],
      dueDate: '2026-03-20',
      instruction: 'Исполнить.',
    });
    const [mainId, coId] = res.json().assignments.map((a: { id: string }) => a.id) as [string, string];
    const mine = await p.app.inject({
      url: url('/assignments?mine=1&status=open'),
      headers: executor.headers,
    });
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as {
      id: string;
      executorUserId: string;
      documentNumber: string;
      executorName: string;
    }[];
    expect(items.every((i) => i.executorUserId === ids.executor)).toBe(true);
    expect(items.find((i) => i.id === mainId)).toMatchObject({
      documentNumber: doc.regNumber,
      executorName: 'Иван Исполнителев',
    });
    expect(items.some((i) => i.id === coId)).toBe(false);

    const complete = (id: string, session: TestSession) =>
      p.app.inject({
        method: 'POST',
        url: url(`/assignments/${id}/complete`),
        headers: session.headers,
        payload: { report: 'Сделано.' },
      });
    const notMine = await complete(coId, executor);
    expect([notMine.statusCode, notMine.json().error.code]).toEqual([403, 'not_your_assignment']);
    expect((await complete(mainId, executor)).json().status).toBe('done');
    const twice = await complete(mainId, executor);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'assignment_not_open']);
    const view = async () =>
      (await p.app.inject({ url: url(`/documents/${doc.id}`), headers: head.headers })).json();
    expect((await view()).document.status).toBe('in_work');
    const co = await p.loginAs('co-executor@zarechny.demo.zemstvo.ru');
    expect((await complete(coId, co)).statusCode).toBe(200);
    expect((await view()).document.status).toBe('done');
    expect((await view()).history.map((h: { type: string }) => h.type)).toContain('executed');
  });

  it('notifications: only one’s own, marked read one by one', async () => {
    const list = await notifications(executor);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.unread).toBeGreaterThan(0);
    const first = list.items[0]!;
    const read = await p.app.inject({
      method: 'POST',
      url: `/api/me/notifications/${first.id}/read`,
      headers: executor.headers,
    });
    expect(read.statusCode).toBe(204);
    expect((await notifications(executor)).unread).toBe(list.unread - 1);
    const other = await p.app.inject({
      method: 'POST',
      url: `/api/me/notifications/${first.id}/read`,
      headers: head.headers,
    });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'not_found']);
    expect((await p.app.inject({ url: '/api/me/notifications' })).statusCode).toBe(401);
  });
});

describe('moving the due date', () => {
  it('re-schedules the reminder for the new date; the old date’s reminder does nothing', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny', { dueDate: '2026-03-31' });
    const res = await resolve(doc.id, {
      responsibleUserId: ids.executor,
      dueDate: '2026-03-20',
      instruction: 'Исполнить.',
    });
    const a = res.json().assignments[0].id as string;
    const move = (body: object) =>
      p.app.inject({
        method: 'POST',
        url: url(`/documents/${doc.id}/resolutions/due-date`),
        headers: head.headers,
        payload: body,
      });
    expect((await move({ dueDate: '2026-04-01', reason: 'Позже.' })).json().error.code).toBe(
      'due_after_legal_deadline',
    );
    const moved = await move({ dueDate: '2026-03-27', reason: 'Ожидается ответ подрядчика.' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assignments).toMatchObject([{ id: a, dueDate: '2026-03-27' }]);
    const count = async () =>
      (
        await p.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE assignment_id = $1 AND kind = 'reminder'`,
          [a],
        )
      )[0]!.n;
    clock.set('2026-03-17T06:00:00Z'); // the old date's reminder
    await p.worker.drain();
    expect(await count()).toBe(0);
    clock.set('2026-03-24T06:00:00Z'); // three working days before 27 March
    await p.worker.drain();
    expect(await count()).toBe(1);
    clock.set('2026-03-25T06:00:00Z');
    await p.worker.drain();
    expect(await count()).toBe(1);
    clock.set('2026-03-02T07:00:00Z');
    head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
    const history = (await p.app.inject({ url: url(`/documents/${doc.id}`), headers: head.headers })).json()
      .history;
    expect(history.map((h: { type: string }) => h.type)).toContain('due_date_changed');
    const other = await makeRegisteredIncoming(p, 'zarechny');
    const none = await p.app.inject({
      method: 'POST',
      url: url(`/documents/${other.id}/resolutions/due-date`),
      headers: head.headers,
      payload: { dueDate: '2026-03-27', reason: 'x' },
    });
    expect([none.statusCode, none.json().error.code]).toEqual([409, 'no_active_resolution']);
  });
});
