import { connect } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShapeProblem } from '@zemstvo/http/testing/route-requests';
import { createTestPlatform, type TestPlatform } from './testing/index.ts';

/** The CSP directives of a response, by name. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Sends raw bytes to a listening server and returns what comes back until it closes the connection. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as unknown;

describe('security headers, request ids and malformed requests', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(async () => p.close());

  it.each(['/api/regions', '/api/nope', '/api/m/zarechny/departments', '/api/docs', '/metrics'])(
    'sends the security headers on %s',
    async (url) => {
      const res = await p.app.inject(url);
      const directives = csp(res);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      const scripts = directives.get('script-src') ?? directives.get('default-src')!;
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(directives.get('script-src-attr')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('does not ask browsers to upgrade to https or pin HSTS on a development server', async () => {
    const res = await p.app.inject('/api/regions');
    expect(csp(res).has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('echoes a well-formed x-request-id and generates one otherwise', async () => {
    const given = await p.app.inject({
      url: '/api/regions',
      headers: { 'x-request-id': 'lb-7f3a9c21.trace_01' },
    });
    expect(given.headers['x-request-id']).toBe('lb-7f3a9c21.trace_01');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [
      'short',
      'has spaces in it',
      'x'.repeat(129),
      '<script>alert(1)</script>',
      '../../etc',
    ]) {
      const res = await p.app.inject({ url: '/api/regions', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id'], bad).toMatch(uuid);
    }
    const none = await p.app.inject('/api/nope');
    expect(none.headers['x-request-id']).toMatch(uuid);
    const other = await p.app.inject('/api/nope');
    expect(other.headers['x-request-id']).not.toBe(none.headers['x-request-id']);
  });

  it('answers routing errors in the error shape with the request id', async () => {
    const badUrl = await p.app.inject({
      url: '/api/m/%E0%A4%A/departments',
      headers: { 'x-request-id': 'bad-url-0001' },
    });
    expect([badUrl.statusCode, badUrl.json().error.code]).toEqual([400, 'bad_url']);
    expect(badUrl.headers['x-request-id']).toBe('bad-url-0001');
    const long = await p.app.inject(`/api/m/${'a'.repeat(300)}/departments`);
    expect([long.statusCode, long.json().error.code]).toEqual([414, 'url_too_long']);
    expect(errorShapeProblem(long)).toBeNull();
    const slug = await p.app.inject('/api/m/zar%00echny/departments');
    expect([slug.statusCode, slug.json().error.code]).toEqual([404, 'municipality_not_found']);
  });

  it('refuses text the database cannot store before any handler runs', async () => {
    const s = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    const post = (raw: string) =>
      p.app.inject({
        method: 'POST',
        url: '/api/m/zarechny/departments',
        headers: { ...s.headers, 'content-type': 'application/json' },
        payload: raw,
      });
    for (const raw of [
      '{"nameRu":"a\\u0000b","nameEn":"x"}',
      '{"nameRu":"a\\ud800b","nameEn":"x"}',
      '{"nameRu":"ok","nameEn":"x","\\udfff":1}',
    ]) {
      const res = await post(raw);
      expect([res.statusCode, res.json().error.code], raw).toEqual([400, 'invalid_text']);
    }
    const deep = await post(`${'{"a":'.repeat(20_000)}{"__proto__":{"x":1}}${'}'.repeat(20_000)}`);
    expect(deep.statusCode).toBe(400);
    expect(errorShapeProblem(deep)).toBeNull();
    const huge = await post(JSON.stringify({ nameRu: 'я'.repeat(1_100_000), nameEn: 'x' }));
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'payload_too_large']);
    const query = await p.app.inject({ url: '/api/m/zarechny/audit?limit=%00', headers: s.headers });
    expect([query.statusCode, query.json().error.code]).toEqual([400, 'invalid_text']);
    // A well-formed surrogate pair is ordinary text.
    const emoji = await post(JSON.stringify({ nameRu: 'Отдел 🏛️', nameEn: 'Department 🏛️' }));
    expect(emoji.statusCode).toBe(201);
  });

  it('answers malformed HTTP on a real socket in the error shape', async () => {
    const address = await p.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const garbage = await rawExchange(port, 'GET /api/regions HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(garbage)).toEqual({
      error: { code: 'malformed_request', message: 'The HTTP request is malformed' },
    });
    const oversized = await rawExchange(
      port,
      `GET /api/regions HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(oversized)).toMatchObject({ error: { code: 'headers_too_large' } });
  });
});
