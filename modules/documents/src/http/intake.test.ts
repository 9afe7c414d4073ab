import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { userIdOf } from '../test/factories.ts';

// Monday 2 March 2026, 10:00 in Moscow; 9 March 2026 is a day off.
const clock = new ManualClock('2026-03-02T07:00:00Z');
let p: TestPlatform;
let registrar: TestSession;
let head: TestSession;
let admin: TestSession;

const url = (path: string) => `/api/m/zarechny${path}`;
const order = {
  kind: 'order',
  title: 'О подготовке к паводку',
  text: 'Поручаю до 20 марта представить план противопаводковых мероприятий.',
  authorOrg: 'Правительство Демонстрационного края',
  authorName: 'И. И. Губернаторов',
  senderNumber: '01-15/342',
  senderDate: '2026-02-27',
  dueDate: '2026-03-20',
};

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
  head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
  admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
});
afterAll(async () => p.close());

async function signalToken(permissions: string[]): Promise<string> {
  const res = await p.app.inject({
    method: 'POST',
    url: url('/tokens'),
    headers: admin.headers,
    payload: { name: 'Мониторинг теплосети', permissions },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

describe('orders and inter-agency requests', () => {
  it('registers an order in its own journal with the sender’s requisites; the head resolves it like any incoming document', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: url('/documents/incoming'),
      headers: registrar.headers,
      payload: order,
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: 'order',
      direction: 'incoming',
      status: 'registered',
      regNumber: 'ПОР-2026/00001',
      dueDate: '2026-03-20',
    });
    const journals = await p.app.inject({ url: url('/journals'), headers: registrar.headers });
    expect(journals.json().items.map((j: { code: string }) => j.code)).toContain('orders');
    const workflow = await p.app.inject({ url: url(`/documents/${doc.id}/workflow`), headers: head.headers });
    expect(workflow.json().sender).toEqual({ senderNumber: '01-15/342', senderDate: '2026-02-27' });

    const resolution = await p.app.inject({
      method: 'POST',
      url: url(`/documents/${doc.id}/resolutions`),
      headers: head.headers,
      payload: {
        responsibleUserId: await userIdOf(p, 'executor@zarechny.demo.zemstvo.ru'),
        dueDate: '2026-03-18',
        instruction: 'Подготовить план.',
      },
    });
    expect(resolution.statusCode, resolution.body).toBe(201);
    const late = await p.app.inject({
      method: 'POST',
      url: url(`/documents/${doc.id}/resolutions`),
      headers: head.headers,
      payload: {
        responsibleUserId: await userIdOf(p, 'executor@zarechny.demo.zemstvo.ru'),
        dueDate: '2026-03-23',
        instruction: 'Позже.',
      },
    });
    expect(late.json().error.code).toBe('due_after_legal_deadline');
  });

  it('gives an inter-agency request without a date 5 working days (210-FZ Art. 7.2 p.3), across the day off', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: url('/documents/incoming'),
      headers: registrar.headers,
      payload: {
        ...order,
        kind: 'interagency_request',
        title: 'Запрос сведений о регистрации по месту жительства',
        dueDate: undefined,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regNumber: 'МВЗ-2026/00001', dueDate: '2026-03-10' });
    const history = (
      await p.app.inject({ url: url(`/documents/${res.json().id}`), headers: registrar.headers })
    ).json().history;
    expect(history.map((h: { type: string }) => h.type)).toEqual(['created', 'deadline_set', 'registered']);
  });

  it('refuses a sender date in the future, a due date in the past, and callers without document.register', async () => {
    const post = (payload: object, s = registrar) =>
      p.app.inject({ method: 'POST', url: url('/documents/incoming'), headers: s.headers, payload });
    const future = await post({ ...order, senderDate: '2026-03-03' });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'sender_date_future']);
    const past = await post({ ...order, dueDate: '2026-03-01' });
    expect([past.statusCode, past.json().error.code]).toEqual([400, 'due_date_past']);
    const wrongKind = await post({ ...order, kind: 'appeal' });
    expect([wrongKind.statusCode, wrongKind.json().error.code]).toEqual([400, 'validation_failed']);
    expect((await post(order, head)).statusCode).toBe(403);
  });
});

describe('monitoring signals', () => {
  const signal = {
    source: 'heat-network',
    eventId: 'evt-2026-03-02-0001',
    type: 'pressure_drop',
    severity: 'critical',
    text: 'Падение давления в магистрали ТК-12, ул. Лесная.',
    lat: 56.84,
    lon: 60.61,
    observedAt: '2026-03-02T06:55:00Z',
  };

  it('registers a signal posted with an API token once, however often it is posted', async () => {
    const token = await signalToken(['signal.submit']);
    const post = (payload: object) =>
      p.app.inject({
        method: 'POST',
        url: url('/signals'),
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    const first = await post(signal);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      duplicate: false,
      document: {
        kind: 'signal',
        status: 'registered',
        regNumber: 'СИГ-2026/000001',
        authorOrg: 'heat-network',
      },
      signal: { severity: 'critical', lat: 56.84, lon: 60.61 },
    });
    const again = await post(signal);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, document: { id: first.json().document.id } });
    const otherSource = await post({ ...signal, source: 'air-quality' });
    expect(otherSource.statusCode).toBe(201);
    expect(otherSource.json().document.regNumber).toBe('СИГ-2026/000002');
    const count = await p.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM documents WHERE kind = 'signal'`,
    );
    expect(count[0]!.n).toBe(2);
    const audit = await p.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [first.json().document.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'document.created',
      'signal.received',
      'document.registered',
    ]);
  });

  it('refuses a token without signal.submit, a session without it, and a token of another municipality', async () => {
    const weak = await signalToken(['department.view']);
    const res = await p.app.inject({
      method: 'POST',
      url: url('/signals'),
      headers: { authorization: `Bearer ${weak}` },
      payload: signal,
    });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
    const asRegistrar = await p.app.inject({
      method: 'POST',
      url: url('/signals'),
      headers: registrar.headers,
      payload: signal,
    });
    expect(asRegistrar.statusCode).toBe(403);
    const strong = await signalToken(['signal.submit']);
    const elsewhere = await p.app.inject({
      method: 'POST',
      url: '/api/m/sosnovka/signals',
      headers: { authorization: `Bearer ${strong}` },
      payload: signal,
    });
    expect(elsewhere.statusCode).toBe(403);
    const bad = await p.app.inject({
      method: 'POST',
      url: url('/signals'),
      headers: { authorization: `Bearer ${strong}` },
      payload: { ...signal, lat: 91, severity: 'apocalyptic' },
    });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation_failed']);
  });
});
