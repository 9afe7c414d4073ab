import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { installErrorHandling, type TypedApp } from '@zemstvo/http';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '@zemstvo/storage';
import { multipartBody, type Part } from '../test/multipart.ts';
import { readUploadedFiles, withMultipart } from './attachment-upload.ts';

/** Small limits, so the streaming checks show with small bodies. */
const limits: UploadLimits = {
  ...DEFAULT_UPLOAD_LIMITS,
  photoBytes: 1000,
  fileBytes: 2000,
  audioBytes: 2000,
  requestBytes: 3000,
  filesPerRequest: 2,
};

const app = Fastify();
installErrorHandling(app);
let bytesSeen = 0;
await withMultipart(
  app as unknown as TypedApp,
  (scope) => {
    scope.post('/upload', async (req) => {
      const { files, fields } = await readUploadedFiles(req, limits);
      bytesSeen = files.reduce((n, f) => n + f.bytes.length, 0);
      return { names: files.map((f) => f.fileName), fields };
    });
  },
  limits,
);
afterAll(async () => app.close());

async function send(parts: Part[]) {
  const body = multipartBody(parts);
  const res = await app.inject({
    method: 'POST',
    url: '/upload',
    headers: body.headers,
    payload: body.payload,
  });
  return { status: res.statusCode, body: res.json<{ error?: { code: string }; names?: string[] }>() };
}

describe('multipart uploads: limits while streaming', () => {
  it('reads files and small fields within the limits', async () => {
    const r = await send([
      { fileName: 'a.txt', bytes: 'x'.repeat(1500) },
      { field: 'note', value: 'hi' },
      { fileName: 'b.txt', bytes: 'y' },
    ]);
    expect(r).toEqual({ status: 200, body: { names: ['a.txt', 'b.txt'], fields: { note: 'hi' } } });
    expect(bytesSeen).toBe(1501);
  });

  it('stops a file at the largest per-kind limit (413 file_too_large)', async () => {
    expect(await send([{ fileName: 'a.txt', bytes: 'x'.repeat(2001) }])).toMatchObject({
      status: 413,
      body: { error: { code: 'file_too_large' } },
    });
  });

  it('stops the request at the total limit (413 request_too_large) and at the file count (413 too_many_files)', async () => {
    expect(
      await send([
        { fileName: 'a.txt', bytes: 'x'.repeat(1900) },
        { fileName: 'b.txt', bytes: 'x'.repeat(1900) },
      ]),
    ).toMatchObject({
      status: 413,
      body: { error: { code: 'request_too_large' } },
    });
    const three = ['a', 'b', 'c'].map((n) => ({ fileName: `${n}.txt`, bytes: n }));
    expect(await send(three)).toMatchObject({ status: 413, body: { error: { code: 'too_many_files' } } });
  });

  it('keeps a path in the name for the validation to refuse (busboy would cut it)', async () => {
    expect((await send([{ fileName: '../../etc/passwd', bytes: 'x' }])).body.names).toEqual([
      '../../etc/passwd',
    ]);
  });
});
