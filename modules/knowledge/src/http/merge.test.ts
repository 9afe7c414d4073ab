import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { fileAppeal, reportBody } from '@zemstvo/appeals/test/factories';

const PHOTO = readFileSync(
  new URL('../../../../packages/storage/src/testing/fixtures/photo.jpg', import.meta.url),
);
const BOUNDARY = '----zemstvo-merge';
const POINT = { lat: 56.8401, lon: 61.3302 };

describe('staff merge a repeated report into the original', () => {
  let p: TestPlatform;
  const s: Record<string, TestSession> = {};
  let original = '';
  let repeated = '';
  let photoName = '';
  const m = (path: string, slug = 'zarechny') => `/api/m/${slug}${path}`;
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    p.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
  const merge = (who: string, id: string, into: string, slug = 'zarechny') =>
    call(who, 'POST', m(`/appeals/${id}/merge`, slug), { into });

  beforeAll(async () => {
    p = await createTestPlatform();
    for (const who of ['resident', 'resident2']) s[who] = await p.loginAs(`${who}@demo.zemstvo.ru`);
    for (const who of ['registrar', 'head', 'analyst'])
      s[who] = await p.loginAs(`${who}@zarechny.demo.zemstvo.ru`);
    s.sosnovkaHead = await p.loginAs('head@sosnovka.demo.zemstvo.ru');
    const text = 'Сломана скамейка у фонтана, торчат гвозди';
    original = await fileAppeal(
      p,
      'zarechny',
      s.resident!.headers,
      reportBody({ category: 'landscaping', theme: null }, { location: POINT, text }),
    );
    expect((await call('registrar', 'POST', m(`/appeals/${original}/register`), {})).statusCode).toBe(200);
    const upload = await p.app.inject({
      method: 'POST',
      url: m('/appeals/uploads'),
      headers: { ...s.resident2!.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="lavka.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        PHOTO,
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]),
    });
    expect(upload.statusCode).toBe(201);
    photoName = upload.json().items[0].fileName;
    repeated = await fileAppeal(
      p,
      'zarechny',
      s.resident2!.headers,
      reportBody(
        { category: 'landscaping', theme: null },
        {
          location: { lat: POINT.lat + 0.0009, lon: POINT.lon },
          text: 'Скамейка у фонтана сломана',
          photos: [upload.json().items[0].id],
        },
      ),
    );
  });
  afterAll(async () => p.close());

  it('needs appeal.status: an analyst who may only view is refused', async () => {
    const res = await merge('analyst', repeated, original);
    expect(res.statusCode).toBe(403);
  });

  it('closes the repeat as a duplicate, links its photo, makes its applicant a supporter, records both histories and tells them', async () => {
    const res = await merge('head', repeated, original);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ duplicate: repeated, original, attachmentsLinked: 1, supporterAdded: true });

    const dup = (await call('head', 'GET', m(`/appeals/${repeated}`))).json().appeal;
    expect(dup).toMatchObject({ status: 'duplicate', duplicateOf: original });
    const files = (await call('head', 'GET', m(`/documents/${original}/attachments`))).json().items;
    expect(files.map((f: { fileName: string }) => f.fileName)).toEqual([photoName]);
    const support = (await call('resident2', 'GET', m(`/reports/${original}/support`))).json();
    expect(support).toEqual({ count: 1, supportedByMe: true });

    const events = async (id: string) =>
      (
        await p.db.query<{ type: string }>(
          `SELECT type FROM document_events WHERE document_id = $1 ORDER BY at, type`,
          [id],
        )
      ).map((e) => e.type);
    expect(await events(original)).toContain('merged');
    expect(await events(repeated)).toEqual(
      expect.arrayContaining(['status_changed', 'merged_into', 'notice_required']),
    );
    const audit = await p.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id IN ($1, $2) AND action IN ('appeal.merged', 'report.supported', 'appeal.status_changed') ORDER BY action`,
      [repeated, original],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'appeal.merged',
      'appeal.status_changed',
      'report.supported',
    ]);
    const mail = await p.db.query(
      `SELECT 1 FROM mail_outbox WHERE to_address = 'resident2@demo.zemstvo.ru' AND subject LIKE '%объединено%'`,
    );
    expect(mail).toHaveLength(1);
  });

  it('refuses a second merge, a self-merge, a merge into a duplicate and appeals of another municipality', async () => {
    const again = await merge('head', repeated, original);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_duplicate');

    const self = await merge('head', original, original);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('duplicate_of_self');

    const third = await fileAppeal(
      p,
      'zarechny',
      s.resident!.headers,
      reportBody({ category: 'landscaping', theme: null }, { location: POINT, text: 'Скамейка' }),
    );
    const intoDuplicate = await merge('head', third, repeated);
    expect(intoDuplicate.statusCode).toBe(409);
    expect(intoDuplicate.json().error.code).toBe('original_is_duplicate');

    const foreign = await fileAppeal(p, 'sosnovka', s.resident!.headers, reportBody({}, { location: POINT }));
    const intoForeign = await merge('head', third, foreign);
    expect(intoForeign.statusCode).toBe(404);
    expect(intoForeign.json().error.code).toBe('original_not_found');
    // Another municipality's head cannot reach this municipality's appeals either.
    const fromForeign = await merge('sosnovkaHead', third, original, 'sosnovka');
    expect(fromForeign.statusCode).toBe(404);
    expect((await call('head', 'GET', m(`/appeals/${third}`))).json().appeal.status).toBe('received');
  });
});
