import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, sha256Hex } from '@zemstvo/kernel';
import {
  createTestPlatform,
  sessionFrom,
  type TestPlatform,
  type TestSession,
} from '@zemstvo/server/testing';
import type { DocumentHooks } from '../domain/hooks.ts';
import { appWithHooks, instanceId } from '../test/app-with-hooks.ts';
import { addStaff, makeRegisteredIncoming, userIdOf } from '../test/factories.ts';

// Monday 2 March 2026, 10:00 in Moscow.
const clock = new ManualClock('2026-03-02T07:00:00Z');
let p: TestPlatform;
let app: FastifyInstance;
const s: Record<'head' | 'executor' | 'approver' | 'approver2' | 'registrar' | 'executor2', TestSession> =
  {} as never;
const id: Record<string, string> = {};
const calls: string[] = [];

const hooks: DocumentHooks = {
  async onResolution(_ctx, documentId, r) {
    calls.push(`resolution:${documentId}:${r.responsibleUserId}`);
  },
  async onAnswerDispatched(_ctx, incomingId, answerId) {
    calls.push(`dispatched:${incomingId}:${answerId}`);
  },
  async onReopen(_ctx, documentId, reason) {
    calls.push(`reopen:${documentId}:${reason}`);
  },
  async recipientOf() {
    return {
      name: 'Жителева Елена Викторовна',
      email: 'resident@demo.zemstvo.ru',
      postalAddress: '624001, г. Заречный, ул. Лесная, д. 5',
      userId: id.resident!,
      locale: 'ru',
    };
  },
  async answerFields() {
    return { executor_phone: '+7 (343) 000-00-15' };
  },
};

const url = (path: string) => `/api/m/zarechny${path}`;
const req = (session: TestSession | null, method: InjectOptions['method'], path: string, payload?: object) =>
  app.inject({
    method,
    url: path.startsWith('/api/') ? path : url(path),
    headers: session?.headers ?? {},
    ...(payload ? { payload } : {}),
  });
const errorOf = (res: { statusCode: number; json: () => { error: { code: string } } }) => [
  res.statusCode,
  res.json().error.code,
];

async function login(email: string): Promise<TestSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: 'zemstvo-demo-2026' },
  });
  return sessionFrom(res);
}

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  app = await appWithHooks(p, [hooks]);
  id.resident = await userIdOf(p, 'resident@demo.zemstvo.ru');
  id.executor = await userIdOf(p, 'executor@zarechny.demo.zemstvo.ru');
  id.approver = await userIdOf(p, 'approver@zarechny.demo.zemstvo.ru');
  id.head = await userIdOf(p, 'head@zarechny.demo.zemstvo.ru');
  id.approver2 = await addStaff(
    p,
    'zarechny',
    'approver2@zarechny.demo.zemstvo.ru',
    ['approver'],
    'Галина Вторая',
  );
  id.executor2 = await addStaff(
    p,
    'zarechny',
    'executor2@zarechny.demo.zemstvo.ru',
    ['executor'],
    'Олег Другой',
  );
  for (const role of ['head', 'executor', 'approver', 'registrar'] as const)
    s[role] = await login(`${role}@zarechny.demo.zemstvo.ru`);
  s.approver2 = await login('approver2@zarechny.demo.zemstvo.ru');
  s.executor2 = await login('executor2@zarechny.demo.zemstvo.ru');
});
afterAll(async () => {
  await app.close();
  await p.close();
});

describe('from resolution to a dispatched, signed answer', () => {
  let incoming: { id: string; regNumber: string | null };
  let draftId: string;
  let signedPdf: Buffer;

  it('the head writes a resolution (the hook hears of it)', async () => {
    incoming = await makeRegisteredIncoming(p, 'zarechny', {
      dueDate: '2026-03-31',
      serviceInstanceId: await instanceId(p, 'zarechny', 'appeals-59fz'),
    });
    const res = await req(s.head, 'POST', `/documents/${incoming.id}/resolutions`, {
      responsibleUserId: id.executor,
      dueDate: '2026-03-20',
      instruction: 'Подготовить ответ заявителю.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(calls).toContain(`resolution:${incoming.id}:${id.executor}`);
  });

  it('the executor drafts the answer from the package template: version 1 with DOCX and PDF', async () => {
    expect(
      errorOf(
        await req(s.executor2, 'POST', `/documents/${incoming.id}/answer`, {
          templateCode: 'answer',
          text: 'Нет.',
        }),
      ),
    ).toEqual([403, 'not_an_executor']);
    expect(
      errorOf(
        await req(s.approver, 'POST', `/documents/${incoming.id}/answer`, {
          templateCode: 'answer',
          text: 'Нет.',
        }),
      ),
    ).toEqual([403, 'forbidden']);
    expect(
      errorOf(
        await req(s.executor, 'POST', `/documents/${incoming.id}/answer`, {
          templateCode: 'nope',
          text: 'Нет.',
        }),
      ),
    ).toEqual([400, 'template_not_found']);
    const res = await req(s.executor, 'POST', `/documents/${incoming.id}/answer`, {
      templateCode: 'answer',
      text: 'Яма во дворе будет засыпана до 15 марта 2026 года.\nРаботы включены в план благоустройства.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { document, version } = res.json();
    draftId = document.id;
    expect(document).toMatchObject({
      direction: 'outgoing',
      kind: 'answer',
      status: 'draft',
      parentId: incoming.id,
      addressee: 'Жителева Елена Викторовна',
    });
    expect(version).toMatchObject({ version: 1, templateCode: 'answer', locale: 'ru' });
    expect(version.fields).toMatchObject({
      incoming_number: incoming.regNumber,
      applicant_name: 'Жителева Елена Викторовна',
      applicant_address: '624001, г. Заречный, ул. Лесная, д. 5',
      executor_name: 'Иван Исполнителев',
      executor_phone: '+7 (343) 000-00-15',
      signatory_name: 'Пётр Главный',
      municipality_name: 'Городской округ Заречный',
    });

    const pdf = await req(s.approver, 'GET', `/documents/${draftId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256Hex(pdf.rawPayload)).toBe(version.pdfSha256);
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/,
    );
    const preview = await req(s.approver, 'GET', `/documents/${draftId}/preview?version=1`);
    expect(preview.headers['content-disposition']).toMatch(/^inline; /);
    expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
    const docx = await req(s.approver, 'GET', `/documents/${draftId}/docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(errorOf(await req(s.approver, 'GET', `/documents/${draftId}/pdf?version=7`))).toEqual([
      404,
      'version_not_found',
    ]);

    const again = await req(s.executor, 'POST', `/documents/${incoming.id}/answer`, {
      templateCode: 'answer',
      text: 'Ещё.',
    });
    expect(errorOf(again)).toEqual([409, 'draft_exists']);
  });

  it('approval: stages in order, only the current approver decides, a return needs a comment and a new version', async () => {
    const send = (stages: string[][]) =>
      req(s.executor, 'POST', `/documents/${draftId}/approval`, { stages });
    expect(errorOf(await send([[id.head!]]))).toEqual([400, 'approver_cannot_approve']);
    expect(errorOf(await send([[id.approver!], [id.approver!]]))).toEqual([400, 'approver_repeated']);
    const sent = await send([[id.approver!], [id.approver2!]]);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ round: 1, status: 'in_approval' });
    expect(
      errorOf(await req(s.executor, 'POST', `/documents/${draftId}/versions`, { text: 'Правка.' })),
    ).toEqual([409, 'not_editable']);

    const decide = (session: TestSession, decision: string, comment?: string) =>
      req(session, 'POST', `/documents/${draftId}/approval/decision`, {
        decision,
        ...(comment ? { comment } : {}),
      });
    expect(errorOf(await decide(s.approver2, 'approve'))).toEqual([403, 'not_current_approver']);
    const wf = (await req(s.approver, 'GET', `/documents/${draftId}/workflow`)).json();
    expect(wf.can).toMatchObject({ decide: true, sign: false, saveVersion: false });
    expect((await decide(s.approver, 'approve')).json().status).toBe('in_approval');
    expect(errorOf(await decide(s.approver, 'approve'))).toEqual([403, 'not_current_approver']);
    expect(errorOf(await decide(s.approver2, 'return'))).toEqual([400, 'comment_required']);
    const returned = await decide(s.approver2, 'return', 'Укажите точный срок работ.');
    expect(returned.json().status).toBe('returned');

    expect(errorOf(await send([[id.approver!]]))).toEqual([409, 'new_version_required']);
    const v2 = await req(s.executor, 'POST', `/documents/${draftId}/versions`, {
      text: 'Яма во дворе будет засыпана 12 марта 2026 года.',
      comment: 'Уточнён срок.',
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().version).toBe(2);
    const versions = await req(s.approver, 'GET', `/documents/${draftId}/versions`);
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const round2 = await send([[id.approver!, id.approver2!]]);
    expect(round2.json()).toMatchObject({ round: 2 });
    expect((await decide(s.approver2, 'approve')).json().status).toBe('in_approval');
    const approved = await decide(s.approver, 'approve');
    expect(approved.json().status).toBe('approved');

    const notes = await p.db.query<{ kind: string; user_id: string }>(
      `SELECT kind, user_id FROM notifications WHERE document_id = $1 ORDER BY created_at, kind`,
      [draftId],
    );
    expect(notes.filter((n) => n.kind === 'approval_requested').map((n) => n.user_id)).toEqual(
      expect.arrayContaining([id.approver, id.approver2]),
    );
    expect(notes.filter((n) => n.kind === 'approval_returned').map((n) => n.user_id)).toEqual([id.executor]);
    expect(
      notes
        .filter((n) => n.kind === 'approved')
        .map((n) => n.user_id)
        .sort(),
    ).toEqual([id.executor, id.head].sort());
  });

  it('the head signs: the SHA-256 of the exact signed PDF is recorded; anyone can verify it', async () => {
    expect(errorOf(await req(s.executor, 'POST', `/documents/${draftId}/sign`))).toEqual([403, 'forbidden']);
    const signed = await req(s.head, 'POST', `/documents/${draftId}/sign`);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({ method: 'simple', signerName: 'Пётр Главный', version: 2 });
    expect(signed.json().fileKey).toBeUndefined();
    expect(errorOf(await req(s.head, 'POST', `/documents/${draftId}/sign`))).toEqual([409, 'already_signed']);

    const print = await req(s.registrar, 'GET', `/documents/${draftId}/print`);
    expect(print.statusCode).toBe(200);
    signedPdf = print.rawPayload;
    expect(sha256Hex(signedPdf)).toBe(signed.json().fileSha256);

    const raw = await app.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { 'content-type': 'application/pdf' },
      payload: signedPdf,
    });
    expect(raw.statusCode, raw.body).toBe(200);
    expect(raw.json()).toMatchObject({
      valid: true,
      signer: 'Пётр Главный',
      position: 'Глава (руководитель)',
      municipality: 'Городской округ Заречный',
      documentNumber: null,
      sha256: sha256Hex(signedPdf),
    });
    const boundary = '----zemstvo';
    const form = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="answer.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      signedPdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const multipart = await app.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: form,
    });
    expect(multipart.json()).toMatchObject({ valid: true, signer: 'Пётр Главный' });
    const tampered = Buffer.from(signedPdf);
    tampered[tampered.length - 10] = tampered[tampered.length - 10]! ^ 1;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { 'content-type': 'application/octet-stream' },
      payload: tampered,
    });
    expect(bad.json()).toEqual({ valid: false, sha256: sha256Hex(tampered) });
    const byHash = await app.inject({ url: `/api/verify/${sha256Hex(signedPdf).toUpperCase()}` });
    expect(byHash.json()).toMatchObject({ valid: true });
    const json = await app.inject({ method: 'POST', url: '/api/verify', payload: { file: 'x' } });
    expect(errorOf(json)).toEqual([415, 'unsupported_media_type']);
  });

  it('the registrar dispatches: outgoing number, cabinet and e-mail with a download link; the incoming document closes', async () => {
    expect(errorOf(await req(s.registrar, 'POST', `/documents/${incoming.id}/dispatch`, {}))).toEqual([
      404,
      'not_found',
    ]);
    const res = await req(s.registrar, 'POST', `/documents/${draftId}/dispatch`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toMatchObject({ status: 'dispatched', regNumber: 'ИСХ-ОГ-2026/000001' });
    expect(res.json().dispatches.map((d: { channel: string }) => d.channel)).toEqual([
      'cabinet',
      'email',
      'post',
    ]);
    expect(calls).toContain(`dispatched:${incoming.id}:${draftId}`);
    expect(errorOf(await req(s.registrar, 'POST', `/documents/${draftId}/dispatch`, {}))).toEqual([
      409,
      'already_dispatched',
    ]);

    const [mail] = await p.db.query<{ subject: string; body_text: string }>(
      `SELECT subject, body_text FROM mail_outbox WHERE to_address = 'resident@demo.zemstvo.ru' AND subject LIKE 'Ответ ИСХ-ОГ%'`,
    );
    expect(mail!.subject).toBe('Ответ ИСХ-ОГ-2026/000001');
    const link = /\/api\/answers\/[A-Za-z0-9_-]{43}/.exec(mail!.body_text)![0];
    const download = await app.inject({ url: link });
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, signedPdf)).toBe(0);
    expect(errorOf(await app.inject({ url: `/api/answers/${'x'.repeat(43)}` }))).toEqual([404, 'not_found']);

    const verified = await app.inject({ url: `/api/verify/${sha256Hex(signedPdf)}` });
    expect(verified.json().documentNumber).toBe('ИСХ-ОГ-2026/000001');
    const view = (await req(s.head, 'GET', `/documents/${incoming.id}`)).json();
    expect(view.document.status).toBe('closed');
    expect(view.history.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['registered', 'resolution', 'answer_drafted', 'answer_dispatched', 'closed']),
    );
    const draftHistory = (await req(s.head, 'GET', `/documents/${draftId}`))
      .json()
      .history.map((h: { type: string }) => h.type);
    expect(draftHistory).toEqual([
      'created',
      'version_saved',
      'sent_for_approval',
      'approval_given',
      'approval_returned',
      'returned',
      'version_saved',
      'sent_for_approval',
      'approval_given',
      'approval_given',
      'approved',
      'signed',
      'registered',
      'dispatched',
    ]);
    const assignments = (await req(s.executor, 'GET', '/assignments?mine=1'))
      .json()
      .items.filter((a: { documentId: string }) => a.documentId === incoming.id);
    expect(assignments.map((a: { status: string }) => a.status)).toEqual(['done']);
    const admin = await login('admin@zarechny.demo.zemstvo.ru');
    expect((await req(admin, 'GET', '/audit/verify')).json().ok).toBe(true);
  });

  it('the head reopens a closed case (the resident was not satisfied): back to a new resolution', async () => {
    expect(errorOf(await req(s.head, 'POST', `/documents/${draftId}/reopen`, { reason: 'x' }))).toEqual([
      409,
      'not_incoming',
    ]);
    const res = await req(s.head, 'POST', `/documents/${incoming.id}/reopen`, {
      reason: 'Заявитель не удовлетворён ответом.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('registered');
    expect(calls).toContain(`reopen:${incoming.id}:Заявитель не удовлетворён ответом.`);
    const again = await req(s.head, 'POST', `/documents/${incoming.id}/resolutions`, {
      responsibleUserId: id.executor2,
      dueDate: '2026-03-25',
      instruction: 'Повторно рассмотреть.',
    });
    expect(again.statusCode, again.body).toBe(201);
    const draft = await req(s.executor2, 'POST', `/documents/${incoming.id}/answer`, {
      templateCode: 'answer',
      text: 'Повторный ответ.',
    });
    expect(draft.statusCode, draft.body).toBe(201);
  });
});

describe('a notice of extension (59-FZ Art. 12 p.2)', () => {
  it('is dispatched without closing the case or calling onAnswerDispatched', async () => {
    const incoming = await makeRegisteredIncoming(p, 'zarechny', {
      dueDate: '2026-03-31',
      serviceInstanceId: await instanceId(p, 'zarechny', 'appeals-59fz'),
    });
    await req(s.head, 'POST', `/documents/${incoming.id}/resolutions`, {
      responsibleUserId: id.executor,
      dueDate: '2026-03-27',
      instruction: 'Продлить срок и уведомить заявителя.',
    });
    const draft = await req(s.executor, 'POST', `/documents/${incoming.id}/answer`, {
      templateCode: 'notice_extension',
      text: 'Срок рассмотрения продлён в связи с запросом в ресурсоснабжающую организацию.',
      fields: { extension_days: '30', new_due_date: '2026-04-30' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const noticeId = draft.json().document.id as string;
    expect(draft.json().document.kind).toBe('notice');
    await req(s.executor, 'POST', `/documents/${noticeId}/approval`, { stages: [[id.approver]] });
    expect(
      (
        await req(s.approver, 'POST', `/documents/${noticeId}/approval/decision`, { decision: 'approve' })
      ).json().status,
    ).toBe('approved');
    expect((await req(s.head, 'POST', `/documents/${noticeId}/sign`)).statusCode).toBe(201);
    const sent = await req(s.registrar, 'POST', `/documents/${noticeId}/dispatch`, { channels: ['email'] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().dispatches.map((d: { channel: string }) => d.channel)).toEqual(['email']);
    const view = (await req(s.head, 'GET', `/documents/${incoming.id}`)).json();
    expect(view.document.status).toBe('in_work');
    expect(calls.some((c) => c.startsWith(`dispatched:${incoming.id}`))).toBe(false);
    // The answer on the merits may still be drafted: a notice is another kind of draft.
    const answer = await req(s.executor, 'POST', `/documents/${incoming.id}/answer`, {
      templateCode: 'answer',
      text: 'Ответ.',
    });
    expect(answer.statusCode, answer.body).toBe(201);
  });
});
