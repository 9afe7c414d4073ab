import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import type { S3FileStorage } from '@zemstvo/storage/s3';
import { startTestS3Server, type TestS3Server } from '@zemstvo/storage/testing/s3-server';
import { appealBody, fileAppeal } from '../test/factories.ts';

// The whole platform with its files in a bucket of a real S3-compatible server (s3rver over HTTP):
// a resident's photo goes up with the intake form, into the bucket, and comes back byte for byte.
const PHOTO = readFileSync(
  new URL('../../../../packages/storage/src/testing/fixtures/photo.jpg', import.meta.url),
);
const BOUNDARY = '----zemstvo-files-on-s3';

describe('attachments stored in an S3 bucket', () => {
  let s3: TestS3Server;
  let storage: S3FileStorage;
  let p: TestPlatform;
  let resident: TestSession;
  let registrar: TestSession;
  const m = (path: string) => `/api/m/zarechny${path}`;

  beforeAll(async () => {
    s3 = await startTestS3Server(['zemstvo-files']);
    storage = s3.storage('zemstvo-files', { prefix: 'zemstvo' });
    p = await createTestPlatform({ storage });
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
  });
  afterAll(async () => {
    await p?.close();
    storage?.close();
    await s3?.close();
  });

  it('uploads a photo into the bucket; staff download the same bytes; /readyz answers while the bucket does', async () => {
    expect((await p.app.inject('/readyz')).statusCode).toBe(200);
    const res = await p.app.inject({
      method: 'POST',
      url: m('/appeals/uploads'),
      headers: { ...resident.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="yama.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        PHOTO,
        Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
      ]),
    });
    expect(res.statusCode).toBe(201);
    const staged = res.json<{ items: { id: string }[] }>().items[0]!;
    const id = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      appealBody({}, { attachments: [staged.id] }),
    );

    const key = (
      await p.db.query<{ k: string }>('SELECT storage_key AS k FROM attachments WHERE id = $1', [staged.id])
    )[0]!.k;
    const inBucket: { key: string; sizeBytes: number }[] = [];
    for await (const f of storage.list()) inBucket.push(f);
    expect(inBucket).toContainEqual(expect.objectContaining({ key, sizeBytes: PHOTO.length }));

    const dl = await p.app.inject({
      url: m(`/documents/${id}/attachments/${staged.id}`),
      headers: registrar.headers,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(dl.rawPayload).equals(PHOTO)).toBe(true);
  });

  it('answers /readyz 503 storage_unavailable once the bucket cannot be reached', async () => {
    await s3.close();
    const down = await p.app.inject('/readyz');
    expect([down.statusCode, down.json()]).toEqual([503, { status: 'storage_unavailable' }]);
  });
});
