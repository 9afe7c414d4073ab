import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, fileAppeal, postAppeal } from '../test/factories.ts';

const PHOTO = readFileSync(
  new URL('../../../../packages/storage/src/testing/fixtures/photo.jpg', import.meta.url),
);
const BOUNDARY = '----zemstvo-resident-files';

/** One file as a browser's multipart form sends it. */
const multipart = (fileName: string, bytes: Uint8Array, contentType: string) => ({
  payload: Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]),
  contentType: `multipart/form-data; boundary=${BOUNDARY}`,
});

describe('resident files: photos uploaded with the intake form, the signed answer from the cabinet', () => {
  let p: TestPlatform;
  const s: Record<string, TestSession> = {};
  const m = (path: string) => `/api/m/zarechny${path}`;
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    p.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
  const upload = (who: string | null, fileName: string, bytes: Uint8Array, type: string) => {
    const body = multipart(fileName, bytes, type);
    return p.app.inject({
      method: 'POST',
      url: m('/appeals/uploads'),
      payload: body.payload,
      headers: { ...(who ? s[who]!.headers : {}), 'content-type': body.contentType },
    });
  };

  beforeAll(async () => {
    p = await createTestPlatform();
    for (const who of ['resident', 'resident2']) s[who] = await p.loginAs(`${who}@demo.zemstvo.ru`);
    for (const who of ['registrar', 'head', 'executor', 'approver'])
      s[who] = await p.loginAs(`${who}@zarechny.demo.zemstvo.ru`);
  });
  afterAll(async () => p.close());

  it('uploads a photo checked by content; the appeal that names it gets it as an attachment', async () => {
    const res = await upload('resident', 'yama.jpg', PHOTO, 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const [staged] = res.json().items;
    expect(staged).toMatchObject({
      kind: 'photo',
      fileName: 'yama.jpg',
      mediaType: 'image/jpeg',
      sizeBytes: PHOTO.length,
    });

    const id = await fileAppeal(
      p,
      'zarechny',
      s.resident!.headers,
      appealBody({}, { attachments: [staged.id] }),
    );
    const files = await call('registrar', 'GET', m(`/documents/${id}/attachments`));
    expect(files.json().items).toEqual([
      expect.objectContaining({ id: staged.id, kind: 'photo', fileName: 'yama.jpg' }),
    ]);
    const bytes = await call('registrar', 'GET', m(`/documents/${id}/attachments/${staged.id}`));
    expect(sha256Hex(bytes.rawPayload)).toBe(sha256Hex(PHOTO));
  });

  it('refuses a file whose extension disguises its type, and another resident’s upload in a form', async () => {
    const disguised = await upload(
      'resident',
      'photo.jpg',
      Buffer.from('just text, not a JPEG'),
      'image/jpeg',
    );
    expect(disguised.statusCode).toBeGreaterThanOrEqual(400);
    expect(disguised.statusCode).toBeLessThan(500);
    expect(['type_mismatch', 'unsupported_type']).toContain(disguised.json().error.code);

    const notMultipart = await call('resident', 'POST', m('/appeals/uploads'), { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);

    const [theirs] = (await upload('resident', 'theirs.jpg', PHOTO, 'image/jpeg')).json().items;
    const claimed = await postAppeal(
      p,
      'zarechny',
      appealBody({}, { attachments: [theirs.id] }),
      s.resident2!.headers,
    );
    expect(claimed.statusCode).toBe(400);
    expect(claimed.json().error.code).toBe('upload_not_found');
  });

  it('lets the applicant download the signed answer from the cabinet, and nobody else', async () => {
    const id = await fileAppeal(p, 'zarechny', s.resident!.headers);
    expect((await call('registrar', 'POST', m(`/appeals/${id}/register`), {})).statusCode).toBe(200);
    const colleagues = (await call('executor', 'GET', m('/colleagues'))).json().items as {
      userId: string;
      roleKeys: string[];
    }[];
    const userOf = (role: string) => colleagues.find((c) => c.roleKeys.includes(role))!.userId;
    const appeal = (await call('registrar', 'GET', m(`/appeals/${id}`))).json().appeal;
    const resolution = await call('head', 'POST', m(`/documents/${id}/resolutions`), {
      responsibleUserId: userOf('executor'),
      dueDate: appeal.answerDue,
      instruction: 'Ответить заявителю.',
    });
    expect(resolution.statusCode).toBe(201);
    const draft = await call('executor', 'POST', m(`/documents/${id}/answer`), {
      templateCode: 'answer',
      text: 'Перерасчёт платы за отопление будет сделан в следующем месяце.',
    });
    expect(draft.statusCode).toBe(201);
    const draftId = draft.json().document.id as string;
    expect(
      (
        await call('executor', 'POST', m(`/documents/${draftId}/approval`), {
          stages: [[userOf('approver')]],
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await call('approver', 'POST', m(`/documents/${draftId}/approval/decision`), { decision: 'approve' }))
        .statusCode,
    ).toBe(200);
    const signed = await call('head', 'POST', m(`/documents/${draftId}/sign`));
    expect(signed.statusCode).toBe(201);
    expect(
      (await call('registrar', 'POST', m(`/documents/${draftId}/dispatch`), { channels: ['cabinet'] }))
        .statusCode,
    ).toBe(200);

    const mine = await call('resident', 'GET', `/api/me/appeals/zarechny/${id}`);
    expect(mine.json().answers.map((a: { id: string }) => a.id)).toEqual([draftId]);
    const file = await call('resident', 'GET', `/api/me/appeals/zarechny/${id}/answers/${draftId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(sha256Hex(file.rawPayload)).toBe(signed.json().fileSha256);

    const other = await call('resident2', 'GET', `/api/me/appeals/zarechny/${id}/answers/${draftId}/file`);
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'appeal_not_found']);
    const otherAppeal = await fileAppeal(p, 'zarechny', s.resident!.headers);
    const wrongPair = await call(
      'resident',
      'GET',
      `/api/me/appeals/zarechny/${otherAppeal}/answers/${draftId}/file`,
    );
    expect([wrongPair.statusCode, wrongPair.json().error.code]).toEqual([404, 'answer_not_found']);
    const anonymous = await p.app.inject(`/api/me/appeals/zarechny/${id}/answers/${draftId}/file`);
    expect(anonymous.statusCode).toBe(401);

    // The applicant's view of the history: milestones only, no resolution or approval, no staff names.
    const history = await call('resident', 'GET', `/api/me/appeals/zarechny/${id}/history`);
    const steps = history.json().items as { type: string; data: Record<string, unknown> }[];
    expect(steps.map((x) => x.type)).toEqual(
      expect.arrayContaining(['received', 'appeal_registered', 'appeal_answered']),
    );
    expect(steps.find((x) => x.type === 'appeal_registered')?.data.regNumber).toMatch(/^ОГ-/);
    expect(history.body).not.toContain('Ответить заявителю.');
    expect(history.body).not.toMatch(/resolution|approval|Главный|Исполнител/);
    expect((await call('resident2', 'GET', `/api/me/appeals/zarechny/${id}/history`)).statusCode).toBe(404);
  });
});
