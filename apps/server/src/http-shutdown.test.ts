import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type ZemstvoModule } from '@zemstvo/http';
import { makeAuthenticate } from '@zemstvo/identity';
import { makeResolveAbilities, tenancyRepo } from '@zemstvo/tenancy';
import { modules } from './modules.ts';
import { createTestPlatform, type TestPlatform } from './testing/index.ts';

/** A latch: `wait()` resolves once `open()` was called. No timers: the test decides when. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, wait: () => opened };
}

/** Resolves with the connection error code, or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

/** The length of the first complete HTTP response (with Content-Length) in `text`, or 0. */
function responseEnd(text: string): number {
  const head = text.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: (\d+)\r\n/i.exec(text.slice(0, head + 2));
  if (head < 0 || !length) return 0;
  const end = head + 4 + Number(length[1]);
  return text.length >= end ? end : 0;
}

/** Yields to the event loop until `done()` holds (bounded by the test's own timeout, not a threshold). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

describe('graceful shutdown', () => {
  let p: TestPlatform;
  let app: FastifyInstance;
  const started = latch();
  const release = latch();

  beforeAll(async () => {
    p = await createTestPlatform();
    const slowModule: ZemstvoModule = {
      name: 'slow-probe',
      routes: (api) => {
        api.get('/test/slow', { schema: { hide: true } }, async () => {
          started.open();
          await release.wait();
          return { finished: true };
        });
      },
    };
    app = await createHttpApp({
      services: p.services,
      modules: [...modules, slowModule],
      authenticate: makeAuthenticate(p.clock),
      resolveTenant: (sql, slug) => tenancyRepo.tenantBySlug(sql, slug),
      resolveAbilities: makeResolveAbilities(p.services.permissions),
      isReady: () => true,
    });
  });
  afterAll(async () => p.close());

  it('finishes a request in flight with 200 while closing, refuses new connections and new requests', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    expect((await fetch(`${address}/healthz`)).status).toBe(200);

    // A raw keep-alive connection, so the test can send a second request on it after the first.
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const answers: string[] = [];
    let closedByServer = false;
    socket.on('data', (d) => {
      received += d.toString('latin1');
      for (let end = responseEnd(received); end > 0; end = responseEnd(received)) {
        answers.push(received.slice(0, end));
        received = received.slice(end);
      }
    });
    socket.on('close', () => (closedByServer = true));
    socket.write('GET /api/test/slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await started.wait();

    const closing = app.close();
    await until(() => !app.server.listening);
    // No new connections once closing has begun.
    expect(await tryConnect(port)).toBe('ECONNREFUSED');

    // The request in flight completes normally.
    release.open();
    await until(() => answers.length === 1);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200 /);
    expect(answers[0]).toContain('{"finished":true}');

    // A further request on that connection is refused in the error shape, and the connection closed.
    socket.write('GET /api/regions HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => answers.length === 2 || closedByServer);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
    expect(answers[1]).toMatch(/\r\nconnection: close\r\n/i);
    expect(JSON.parse(answers[1]!.slice(answers[1]!.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'shutting_down', message: 'The server is shutting down; try again in a moment' },
    });
    await until(() => closedByServer);
    await closing;
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
  });
});
