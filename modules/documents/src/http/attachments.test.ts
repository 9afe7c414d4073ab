import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, sha256Hex } from '@zemstvo/kernel';
import { docxToText, DOCX_MEDIA_TYPE } from '@zemstvo/storage';
import { fixture, minimalDocx } from '@zemstvo/storage/testing/index';
import { sweepOrphanFiles } from '@zemstvo/server';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { addAttachment } from '../application/attachments.ts';
import { claimUploads, stageUpload, STAGED_UPLOAD_TTL_MS } from '../application/attachment-uploads.ts';
import { documentsRepo } from '../infra/documents.repository.ts';
import { inMunicipality, makeRegisteredIncoming } from '../test/factories.ts';
import { multipartBody, type Part } from '../test/multipart.ts';

const clock = new ManualClock('2026-03-02T07:00:00Z');
let p: TestPlatform;
let registrar: TestSession;
let deputy: TestSession;

const url = (docId: string, rest = '') => `/api/m/zarechny/documents/${docId}/attachments${rest}`;

interface AttachmentJson {
  id: string;
  documentId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string | null;
  url: string | null;
}

async function upload(docId: string, parts: readonly Part[], session = registrar) {
  const body = multipartBody(parts);
  return p.app.inject({
    method: 'POST',
    url: url(docId),
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
  });
}

async function list(docId: string, session = registrar): Promise<AttachmentJson[]> {
  const res = await p.app.inject({ url: url(docId), headers: session.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: AttachmentJson[] }>().items;
}

const errorCode = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;

beforeAll(async () => {
  p = await createTestPlatform({ clock });
  registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
  deputy = await p.loginAs('deputy@zarechny.demo.zemstvo.ru');
});
afterAll(async () => p.close());

describe('attachments of a document over HTTP', () => {
  it('uploads real files, lists them, records history and audit, downloads the same bytes safely', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const docx = minimalDocx(['Прошу отремонтировать крышу дома 7.']);
    const res = await upload(doc.id, [
      { fileName: 'Фото двора.jpg', bytes: fixture('photo.jpg'), contentType: 'image/jpeg' },
      { field: 'files', fileName: 'заявление.docx', bytes: docx, contentType: 'application/pdf' },
      { field: 'comment', value: 'ignored text field' },
    ]);
    expect(res.statusCode).toBe(201);
    const items = res.json<{ items: AttachmentJson[] }>().items;
    expect(items.map((a) => [a.kind, a.mediaType, a.fileName])).toEqual([
      ['photo', 'image/jpeg', 'Фото двора.jpg'],
      ['file', DOCX_MEDIA_TYPE, 'заявление.docx'],
    ]);
    expect(items[0]!.sha256).toBe(sha256Hex(fixture('photo.jpg')));
    expect(await list(doc.id, deputy)).toEqual(items);

    const detail = await p.app.inject({
      url: `/api/m/zarechny/documents/${doc.id}`,
      headers: registrar.headers,
    });
    const history = detail.json<{ history: { type: string; data: { fileName?: string } }[] }>().history;
    expect(history.filter((h) => h.type === 'attachment_added').map((h) => h.data.fileName)).toEqual([
      'Фото двора.jpg',
      'заявление.docx',
    ]);
    const audit = await p.db.query<{ entity_id: string }>(
      "SELECT entity_id FROM audit_log WHERE action = 'attachment.added' AND entity_id = ANY($1::text[])",
      [items.map((a) => a.id)],
    );
    expect(audit).toHaveLength(2);
    const texts = await p.db.query<{ t: string }>(
      'SELECT extracted_text AS t FROM attachments WHERE id = $1',
      [items[1]!.id],
    );
    expect(texts[0]?.t).toBe(docxToText(docx));

    const dl = await p.app.inject({ url: url(doc.id, `/${items[0]!.id}`), headers: deputy.headers });
    expect(dl.statusCode).toBe(200);
    expect(new Uint8Array(dl.rawPayload)).toEqual(fixture('photo.jpg'));
    expect(dl.headers['content-type']).toBe('image/jpeg');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="file.jpg"; filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE%20%D0%B4%D0%B2%D0%BE%D1%80%D0%B0.jpg`,
    );
    expect(dl.headers['content-security-policy']).toContain('sandbox');
    const inline = await p.app.inject({
      url: url(doc.id, `/${items[0]!.id}?disposition=inline`),
      headers: deputy.headers,
    });
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
    const docxInline = await p.app.inject({
      url: url(doc.id, `/${items[1]!.id}?disposition=inline`),
      headers: deputy.headers,
    });
    expect(docxInline.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('refuses hostile uploads with a clear code and stores nothing of the request', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const zeros = new Uint8Array(48 * 1024 * 1024);
    const cases: [Part[], number, string][] = [
      [[{ fileName: 'contract.pdf', bytes: fixture('photo.png') }], 415, 'type_mismatch'],
      [[{ fileName: '../../etc/passwd', bytes: 'root:x:0:0:root:/root:/bin/bash\n' }], 400, 'bad_file_name'],
      [
        [{ fileName: 'bomb.docx', bytes: minimalDocx(['x'], [{ name: 'word/media/a.bin', data: zeros }]) }],
        400,
        'archive_too_large',
      ],
      [
        [
          {
            fileName: 'tool.exe',
            bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]),
          },
        ],
        415,
        'unsupported_type',
      ],
      // A good photo first, then a bad file: the whole request is refused.
      [
        [
          { fileName: 'ok.jpg', bytes: fixture('photo.jpg') },
          { fileName: 'scan.jpg', bytes: fixture('letter.pdf') },
        ],
        415,
        'type_mismatch',
      ],
      [[{ fileName: 'big.pdf', bytes: new Uint8Array(21 * 1024 * 1024) }], 413, 'file_too_large'],
      [[], 400, 'no_files'],
    ];
    for (const [parts, status, code] of cases) {
      const res = await upload(doc.id, parts);
      expect([res.statusCode, errorCode(res)], parts.map((x) => x.fileName).join()).toEqual([status, code]);
    }
    expect(await list(doc.id)).toEqual([]);
  });

  it('refuses bodies that are not multipart, or broken multipart', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const json = await p.app.inject({
      method: 'POST',
      url: url(doc.id),
      headers: registrar.headers,
      payload: { file: 'x' },
    });
    expect([json.statusCode, errorCode(json)]).toEqual([415, 'multipart_expected']);
    const broken = await p.app.inject({
      method: 'POST',
      url: url(doc.id),
      headers: { ...registrar.headers, 'content-type': 'multipart/form-data; boundary=abc' },
      payload: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nunterminated',
    });
    expect([broken.statusCode, errorCode(broken)]).toEqual([400, 'bad_multipart']);
    const noBoundary = await p.app.inject({
      method: 'POST',
      url: url(doc.id),
      headers: { ...registrar.headers, 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(noBoundary.statusCode).toBe(400);
  });

  it('attaches http(s) links and refuses other schemes', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const post = (payload: object) =>
      p.app.inject({ method: 'POST', url: url(doc.id, '/links'), headers: registrar.headers, payload });
    const ok = await post({ url: 'https://zarechny.example/news/42?a=1', title: 'Новость о ремонте' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<AttachmentJson>()).toMatchObject({
      kind: 'link',
      url: 'https://zarechny.example/news/42?a=1',
      fileName: 'Новость о ремонте',
    });
    const untitled = await post({ url: 'http://example.org' });
    expect(untitled.json<AttachmentJson>().fileName).toBe('example.org');
    for (const bad of [
      'javascript:alert(1)',
      'ftp://example.org/x',
      'data:text/html,<b>',
      'not a url',
      'https://user:pw@example.org/',
    ]) {
      const res = await post({ url: bad });
      expect([res.statusCode, errorCode(res)], bad).toEqual([400, 'bad_link']);
    }
    const dl = await p.app.inject({
      url: url(doc.id, `/${ok.json<AttachmentJson>().id}`),
      headers: registrar.headers,
    });
    expect([dl.statusCode, errorCode(dl)]).toEqual([409, 'attachment_is_link']);
    expect((await list(doc.id)).map((a) => a.kind)).toEqual(['link', 'link']);
  });

  it('keeps each municipality’s files to itself and refuses callers without document.view', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const res = await upload(doc.id, [{ fileName: 'a.png', bytes: fixture('photo.png') }]);
    const att = res.json<{ items: AttachmentJson[] }>().items[0]!;
    const resident = await p.loginAs('resident@demo.zemstvo.ru');
    const foreign = await p.loginAs('registrar@sosnovka.demo.zemstvo.ru');
    expect(
      (await p.app.inject({ url: url(doc.id, `/${att.id}`), headers: resident.headers })).statusCode,
    ).toBe(403);
    expect(
      (await p.app.inject({ url: url(doc.id, `/${att.id}`), headers: foreign.headers })).statusCode,
    ).toBe(403);
    const elsewhere = await p.app.inject({
      url: `/api/m/sosnovka/documents/${doc.id}/attachments/${att.id}`,
      headers: foreign.headers,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(
      (await upload(doc.id, [{ fileName: 'b.png', bytes: fixture('photo.png') }], resident)).statusCode,
    ).toBe(403);
    const other = await makeRegisteredIncoming(p, 'zarechny');
    const wrongDoc = await p.app.inject({ url: url(other.id, `/${att.id}`), headers: registrar.headers });
    expect([wrongDoc.statusCode, errorCode(wrongDoc)]).toEqual([404, 'attachment_not_found']);
  });

  it('refuses new files on a signed document', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    await inMunicipality(p, 'zarechny', (ctx) =>
      documentsRepo.setStatus(ctx.tx, ctx.tenant!.municipalityId, doc.id, 'signed', clock.now()),
    );
    const res = await upload(doc.id, [{ fileName: 'late.jpg', bytes: fixture('photo.jpg') }]);
    expect([res.statusCode, errorCode(res)]).toEqual([409, 'document_final']);
  });
});

describe('attachments from other modules', () => {
  it('addAttachment checks by content and attaches (the appeals intake, Open311 media)', async () => {
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const row = await inMunicipality(p, 'zarechny', (ctx) =>
      addAttachment(ctx, p.services.storage, doc.id, { bytes: fixture('voice.ogg'), fileName: 'голос' }),
    );
    expect(row).toMatchObject({ kind: 'audio', mediaType: 'audio/ogg', fileName: 'голос.ogg' });
    const refused = await inMunicipality(p, 'zarechny', (ctx) =>
      addAttachment(
        ctx,
        p.services.storage,
        doc.id,
        { bytes: fixture('letter.pdf'), fileName: 'x.pdf' },
        { accept: ['photo'] },
      ),
    ).catch((e: { code?: string }) => e.code);
    expect(refused).toBe('unsupported_type');
  });

  it('uploads staged before the document exists are claimed by id, once, by their uploader only, and expire', async () => {
    const residentId = (
      await p.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'resident@demo.zemstvo.ru'")
    )[0]!.id;
    const asResident = {
      kind: 'user',
      userId: residentId,
      userKind: 'resident',
      email: 'resident@demo.zemstvo.ru',
      displayName: 'Resident',
      regionId: null,
      via: 'session',
    } as const;
    const staged = await inMunicipality(p, 'zarechny', (ctx) =>
      stageUpload(
        { ...ctx, actor: asResident },
        p.services.storage,
        { bytes: fixture('photo.webp'), fileName: 'яма.webp' },
        { accept: ['photo'] },
      ),
    );
    expect(staged).toMatchObject({ kind: 'photo', mediaType: 'image/webp', fileName: 'яма.webp' });
    const doc = await makeRegisteredIncoming(p, 'zarechny');
    const stranger = await inMunicipality(p, 'zarechny', (ctx) =>
      claimUploads(ctx, doc.id, [staged.id]),
    ).catch((e: { code?: string }) => e.code);
    expect(stranger).toBe('upload_not_found');
    const claimed = await inMunicipality(p, 'zarechny', (ctx) =>
      claimUploads({ ...ctx, actor: asResident }, doc.id, [staged.id, staged.id]),
    );
    expect(claimed.map((a) => [a.id, a.kind])).toEqual([[staged.id, 'photo']]);
    expect((await list(doc.id)).map((a) => a.id)).toEqual([staged.id]);
    const again = await inMunicipality(p, 'zarechny', (ctx) =>
      claimUploads({ ...ctx, actor: asResident }, doc.id, [staged.id]),
    ).catch((e: { code?: string }) => e.code);
    expect(again).toBe('upload_not_found');

    const old = await inMunicipality(p, 'zarechny', (ctx) =>
      stageUpload(ctx, p.services.storage, { bytes: fixture('photo.png'), fileName: 'old.png' }),
    );
    const oldKey = (
      await p.db.query<{ k: string }>('SELECT storage_key AS k FROM attachment_uploads WHERE id = $1', [
        old.id,
      ])
    )[0]!.k;
    clock.advance(STAGED_UPLOAD_TTL_MS + 1000);
    await inMunicipality(p, 'zarechny', (ctx) =>
      stageUpload(ctx, p.services.storage, { bytes: fixture('photo.jpg'), fileName: 'new.jpg' }),
    );
    expect(await p.db.query('SELECT 1 FROM attachment_uploads WHERE id = $1', [old.id])).toEqual([]);
    // Its file is left to the orphan sweep, which removes it once no row names it.
    expect(await p.services.storage.get(oldKey)).toEqual(fixture('photo.png'));
    const swept = await sweepOrphanFiles(p.db, p.services.storage, {
      // The daily job's grace (a day); the file was written just now by the disk's clock.
      olderThanMs: STAGED_UPLOAD_TTL_MS,
      now: new Date(Date.now() + STAGED_UPLOAD_TTL_MS + 60_000),
      dryRun: false,
    });
    expect(swept.removed.map((f) => f.key)).toContain(oldKey);
    expect(await p.services.storage.get(oldKey)).toBeNull();
  });

  it('leaves expired uploads and their files in place when the transaction that cleared them rolls back', async () => {
    const old = await inMunicipality(p, 'zarechny', (ctx) =>
      stageUpload(ctx, p.services.storage, { bytes: fixture('photo.png'), fileName: 'old.png' }),
    );
    const keyOf = async (id: string) =>
      (
        await p.db.query<{ k: string }>('SELECT storage_key AS k FROM attachment_uploads WHERE id = $1', [id])
      )[0]?.k;
    const oldKey = (await keyOf(old.id))!;
    clock.advance(STAGED_UPLOAD_TTL_MS + 1000);
    let staged: { id: string } | undefined;
    const failed = await inMunicipality(p, 'zarechny', async (ctx) => {
      staged = await stageUpload(ctx, p.services.storage, {
        bytes: fixture('photo.jpg'),
        fileName: 'new.jpg',
      });
      // Inside the transaction the expired upload is gone…
      expect(await ctx.tx.query('SELECT 1 FROM attachment_uploads WHERE id = $1', [old.id])).toEqual([]);
      throw new Error('the request fails after staging');
    }).catch((e: Error) => e.message);
    expect(failed).toBe('the request fails after staging');
    // …and after the rollback its row is back and still names its bytes.
    expect(await keyOf(old.id)).toBe(oldKey);
    expect(await keyOf(staged!.id)).toBeUndefined();
    expect(await p.services.storage.get(oldKey)).toEqual(fixture('photo.png'));
  });
});
