import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, asSystemIn, fileAppeal, reportBody } from '../test/factories.ts';

interface Page {
  items: {
    id: string;
    regNumber: string | null;
    status: string;
    overdue: boolean;
    executorName: string | null;
    category: { code: string };
  }[];
  total: number;
  counts: Record<string, number>;
}

describe('staff inbox (GET /api/m/:m/inbox)', () => {
  let p: TestPlatform;
  let resident: TestSession;
  let registrar: TestSession;
  let head: TestSession;
  let executor: TestSession;
  let approver: TestSession;
  const clock = new ManualClock('2026-06-01T07:00:00Z'); // Monday
  const tag = 'инбокс-метка';
  const ids: Record<string, string> = {};
  let userId: (email: string) => Promise<string>;

  const inbox = async (session: TestSession, query: string): Promise<Page> => {
    const res = await p.app.inject({ url: `/api/m/zarechny/inbox?${query}`, headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const idsOf = (page: Page) => page.items.map((x) => x.id).sort();
  const mine = (session: TestSession, box: string) =>
    inbox(session, `box=${box}&q=${encodeURIComponent(tag)}&limit=200`);
  const act = (s: TestSession, id: string, action: string, payload: object) =>
    p.app.inject({
      method: 'POST',
      url: `/api/m/zarechny/appeals/${id}/${action}`,
      headers: s.headers,
      payload,
    });

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
    executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
    approver = await p.loginAs('approver@zarechny.demo.zemstvo.ru');
    userId = async (email) =>
      (await p.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]))[0]!.id;
    const file = (
      text: string,
      body: { fields: Record<string, unknown> } & Record<string, unknown> = appealBody(),
    ) =>
      fileAppeal(p, 'zarechny', resident.headers, {
        ...body,
        fields: { ...body.fields, text: `${text} ${tag}` },
      });
    ids.fresh = await file('Новое обращение');
    ids.registered = await file('Зарегистрированное обращение');
    ids.resolved = await file('Обращение с резолюцией');
    ids.approving = await file('Проект ответа на согласовании');
    ids.signing = await file('Проект ответа на подписи');
    ids.overdue = await file('Просроченное обращение');
    ids.report = await file('Сообщение о яме', reportBody());
    for (const k of ['registered', 'resolved', 'approving', 'signing', 'overdue', 'report'])
      expect((await act(registrar, ids[k]!, 'register', {})).statusCode).toBe(200);
    // A head's resolution through the documents workflow: the executor now has the case.
    const res = await p.app.inject({
      method: 'POST',
      url: `/api/m/zarechny/documents/${ids.resolved}/resolutions`,
      headers: head.headers,
      payload: {
        responsibleUserId: await userId('executor@zarechny.demo.zemstvo.ru'),
        dueDate: '2026-06-20',
        instruction: 'Подготовить ответ',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Drafts answering two appeals: one waiting for the approver, one approved and waiting for a signature.
    const approverId = await userId('approver@zarechny.demo.zemstvo.ru');
    await asSystemIn(p, 'zarechny', async (ctx) => {
      const m = ctx.tenant!.municipalityId;
      const draft = async (parent: string, status: string) =>
        (
          await ctx.tx.query<{ id: string }>(
            `INSERT INTO documents (municipality_id, direction, kind, status, title, parent_id, created_at, updated_at)
             VALUES ($1, 'outgoing', 'answer', $2, 'Проект ответа', $3, now(), now()) RETURNING id`,
            [m, status, parent],
          )
        )[0]!.id;
      const inApproval = await draft(ids.approving!, 'in_approval');
      await ctx.tx.query(
        `INSERT INTO approval_steps (municipality_id, document_id, round, stage, approver_user_id, version, created_at)
         VALUES ($1, $2, 1, 1, $3, 1, now())`,
        [m, inApproval, approverId],
      );
      await draft(ids.signing!, 'approved');
      await ctx.tx.query(`UPDATE appeals SET answer_due = '2026-05-20' WHERE document_id = $1`, [
        ids.overdue,
      ]);
    });
  });
  afterAll(async () => p.close());

  it('puts each case in its box, per caller', async () => {
    expect(idsOf(await mine(registrar, 'to_register'))).toEqual([ids.fresh]);
    expect(idsOf(await mine(head, 'to_decide'))).toEqual(
      [ids.registered, ids.approving, ids.signing, ids.overdue, ids.report].sort(),
    );
    expect(idsOf(await mine(executor, 'to_execute'))).toEqual([ids.resolved]);
    expect(idsOf(await mine(head, 'to_execute'))).toEqual([]);
    expect(idsOf(await mine(approver, 'to_approve'))).toEqual([ids.approving]);
    expect(idsOf(await mine(head, 'to_approve'))).toEqual([]);
    expect(idsOf(await mine(head, 'to_sign'))).toEqual([ids.signing]);
    expect(idsOf(await mine(registrar, 'to_sign'))).toEqual([]); // the registrar does not sign
    expect(idsOf(await mine(head, 'overdue'))).toEqual([ids.overdue]);
    expect((await mine(head, 'all')).total).toBe(7);
    const resolved = (await mine(head, 'all')).items.find((x) => x.id === ids.resolved)!;
    expect(resolved.executorName).toBe('Иван Исполнителев');
    expect(resolved.status).toBe('in_progress'); // the resolution hook
    expect((await mine(head, 'overdue')).items[0]!.overdue).toBe(true);
    const counts = (await inbox(head, 'box=all')).counts;
    expect(counts.to_sign).toBeGreaterThanOrEqual(1);
    expect(Object.keys(counts).sort()).toEqual([
      'all',
      'overdue',
      'to_approve',
      'to_decide',
      'to_execute',
      'to_register',
      'to_sign',
    ]);
  });

  it('filters by status, category, service, executor, dates, overdue, and searches number, applicant and text', async () => {
    const q = `q=${encodeURIComponent(tag)}&limit=200`;
    expect(idsOf(await inbox(head, `${q}&status=received`))).toEqual([ids.fresh]);
    expect(idsOf(await inbox(head, `${q}&status=received,in_progress`))).toEqual(
      [ids.fresh, ids.resolved].sort(),
    );
    expect(idsOf(await inbox(head, `${q}&service=urban-reports`))).toEqual([ids.report]);
    expect(idsOf(await inbox(head, `${q}&category=roads`))).toEqual([ids.report]);
    expect(
      idsOf(await inbox(head, `${q}&executor=${await userId('executor@zarechny.demo.zemstvo.ru')}`)),
    ).toEqual([ids.resolved]);
    expect(idsOf(await inbox(head, `${q}&overdue=true`))).toEqual([ids.overdue]);
    expect((await inbox(head, `${q}&overdue=false`)).total).toBe(6);
    expect((await inbox(head, `${q}&from=2026-06-01&to=2026-06-01`)).total).toBe(7);
    expect((await inbox(head, `${q}&from=2026-06-02`)).total).toBe(0);
    const reg = (await inbox(head, `${q}&status=registered`)).items[0]!.regNumber!;
    expect(idsOf(await inbox(head, `q=${encodeURIComponent(reg)}`))).toHaveLength(1);
    expect(
      (await inbox(head, `q=${encodeURIComponent('ПРОСРОЧЕННОЕ обращение')}`)).items.map((x) => x.id),
    ).toContain(ids.overdue);
    expect((await inbox(head, `q=${encodeURIComponent('Жителева')}&limit=1`)).total).toBeGreaterThanOrEqual(
      7,
    );
    // LIKE wildcards in the search box are literal.
    expect((await inbox(head, 'q=%25%25%25')).total).toBe(0);
  });

  it('pages on the server with a total, in a stable order', async () => {
    const q = `q=${encodeURIComponent(tag)}&limit=3`;
    const pages = [
      await inbox(head, `${q}&offset=0`),
      await inbox(head, `${q}&offset=3`),
      await inbox(head, `${q}&offset=6`),
    ];
    expect(pages.map((x) => x.items.length)).toEqual([3, 3, 1]);
    expect(pages.every((x) => x.total === 7)).toBe(true);
    expect(new Set(pages.flatMap(idsOf)).size).toBe(7);
    const due = await inbox(head, `q=${encodeURIComponent(tag)}&sort=due_asc&limit=1`);
    expect(due.items[0]!.id).toBe(ids.overdue);
    const list = await p.app.inject({
      url: `/api/m/zarechny/appeals?q=${encodeURIComponent(tag)}`,
      headers: head.headers,
    });
    expect(list.json().total).toBe(7);
  });

  it('is for staff of the municipality only', async () => {
    expect((await p.app.inject({ url: '/api/m/zarechny/inbox' })).statusCode).toBe(401);
    expect((await p.app.inject({ url: '/api/m/zarechny/inbox', headers: resident.headers })).statusCode).toBe(
      403,
    );
    const foreign = await p.loginAs('head@sosnovka.demo.zemstvo.ru');
    expect((await p.app.inject({ url: '/api/m/zarechny/inbox', headers: foreign.headers })).statusCode).toBe(
      403,
    );
    const theirs = (
      await p.app.inject({
        url: `/api/m/sosnovka/inbox?q=${encodeURIComponent(tag)}`,
        headers: foreign.headers,
      })
    ).json();
    expect(theirs.total).toBe(0);
    expect(
      (await p.app.inject({ url: '/api/m/zarechny/inbox?box=mine', headers: head.headers })).statusCode,
    ).toBe(400);
    // Dates that match the pattern but do not exist are refused before they reach the database.
    for (const q of ['to=4938-65-32', 'from=2026-02-30'])
      expect(
        (await p.app.inject({ url: `/api/m/zarechny/inbox?${q}`, headers: head.headers })).statusCode,
      ).toBe(400);
  });
});
