import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, ApiError, setCsrfToken } from './client.ts';

interface Seen {
  method: string;
  url: string;
  csrf: string | undefined;
  contentType: string | undefined;
  idempotencyKey: string | undefined;
  body: string;
}

/** A real HTTP server that answers by path and records what it received. */
let server: Server;
let base = '';
const seen: Seen[] = [];
const realFetch = globalThis.fetch;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString('utf8')));
    req.on('end', () => resolve(s));
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        csrf: req.headers['x-csrf-token'] as string | undefined,
        contentType: req.headers['content-type'],
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        body,
      });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/ok') return json(200, { hello: 'мир' });
      if (req.url === '/empty') return res.writeHead(204).end();
      if (req.url === '/locked')
        return json(423, {
          error: {
            code: 'account_locked',
            message: 'Locked',
            details: { lockedUntil: '2026-01-01T00:00:00Z' },
          },
        });
      if (req.url === '/html-error') {
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<h1>Bad gateway</h1>');
      }
      return json(404, { error: { code: 'route_not_found', message: 'No route' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The client uses same-origin paths as in the browser; resolve them against the test server.
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), init);
});

afterEach(() => {
  seen.length = 0;
  setCsrfToken(null);
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('api client', () => {
  it('parses JSON answers', async () => {
    expect(await api.get('/ok')).toEqual({ hello: 'мир' });
  });

  it('sends the CSRF token on unsafe methods only, and JSON bodies with their content type', async () => {
    setCsrfToken('tok-123');
    await api.get('/ok');
    await api.post('/ok', { a: 1 });
    await api.put('/ok', { locale: 'en' });
    await api.patch('/ok', { b: 2 });
    await api.delete('/ok');
    expect(seen.map((s) => [s.method, s.csrf])).toEqual([
      ['GET', undefined],
      ['POST', 'tok-123'],
      ['PUT', 'tok-123'],
      ['PATCH', 'tok-123'],
      ['DELETE', 'tok-123'],
    ]);
    expect(seen[1]).toMatchObject({ contentType: 'application/json', body: '{"a":1}' });
    expect(seen[4]?.contentType).toBeUndefined();
  });

  it('sends extra headers such as Idempotency-Key', async () => {
    await api.post('/ok', { a: 1 }, { 'Idempotency-Key': 'key-1' });
    expect(seen[0]).toMatchObject({ idempotencyKey: 'key-1', contentType: 'application/json' });
  });

  it('sends FormData as multipart with its boundary, and the CSRF token', async () => {
    setCsrfToken('tok-9');
    const form = new FormData();
    form.append('note', 'фото');
    form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), 'a.jpg');
    await api.post('/ok', form);
    expect(seen[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.csrf).toBe('tok-9');
    expect(seen[0]?.body).toContain('name="file"; filename="a.jpg"');
    expect(seen[0]?.body).toContain('фото');
  });

  it('sends no CSRF header without a session', async () => {
    await api.post('/ok', {});
    expect(seen[0]?.csrf).toBeUndefined();
  });

  it('answers undefined for 204 No Content', async () => {
    expect(await api.post('/empty')).toBeUndefined();
  });

  it('turns the error shape into an ApiError with code, status and details', async () => {
    const err = await api.post('/locked', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'account_locked',
      status: 423,
      message: 'Locked',
      details: { lockedUntil: '2026-01-01T00:00:00Z' },
    });
  });

  it('names other failures by their HTTP status', async () => {
    await expect(api.get('/html-error')).rejects.toMatchObject({ code: 'http_502', status: 502 });
  });

  it('reports an unreachable server as network_error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    globalThis.fetch = (input, init) => realFetch(new URL(String(input), `http://127.0.0.1:${port}`), init);
    try {
      await expect(api.get('/ok')).rejects.toMatchObject({ code: 'network_error', status: 0 });
    } finally {
      globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), init);
    }
  });
});
