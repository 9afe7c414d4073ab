import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@zemstvo/db';
import { createHttpApp, type Services, type ZemstvoModule } from '@zemstvo/http';
import { makeAuthenticate } from '@zemstvo/identity';
import { makeResolveAbilities, tenancyRepo } from '@zemstvo/tenancy';
import { modules } from './modules.ts';
import { createTestPlatform, openTestDatabase, type TestPlatform } from './testing/index.ts';

/** Routes that exist only in these tests: one that logs inside a use case, one with a bug. */
const probeModule: ZemstvoModule = {
  name: 'observability-probe',
  routes: (app) => {
    app.get('/test/log', { schema: { hide: true } }, async (req) =>
      req.useCase(async (ctx) => {
        ctx.log.info({ probe: true }, 'use case ran');
        return { ok: true };
      }),
    );
    app.get('/test/bug', { schema: { hide: true } }, async () => {
      throw new TypeError('secret internals: connection string postgres://u:p@db/zemstvo');
    });
  },
};

/** An HTTP app over the given services, with our own readiness flag and logger. */
function buildApp(p: TestPlatform, services: Services, isReady: () => boolean, logger?: pino.Logger) {
  return createHttpApp({
    services,
    modules: [...modules, probeModule],
    authenticate: makeAuthenticate(p.clock),
    resolveTenant: (sql, slug) => tenancyRepo.tenantBySlug(sql, slug),
    resolveAbilities: makeResolveAbilities(services.permissions),
    isReady,
    ...(logger ? { logger } : {}),
  });
}

describe('metrics, readiness and logs', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(async () => p.close());

  it('exposes Prometheus text with the request histogram labelled by route pattern', async () => {
    await p.app.inject('/api/regions');
    const s = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    await p.app.inject({ url: '/api/m/zarechny/departments', headers: s.headers });
    await p.app.inject('/api/no-such-route-1');
    await p.app.inject('/api/no-such-route-2');
    const res = await p.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toContain('# TYPE zemstvo_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /zemstvo_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/regions",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /zemstvo_http_request_duration_seconds_count\{method="GET",route="\/api\/regions",status="200"\} 1/,
    );
    expect(text).toMatch(
      /zemstvo_http_request_duration_seconds_sum\{method="GET",route="\/api\/regions",status="200"\} [\d.e-]+/,
    );
    // Path parameters never become label values (no cardinality explosion, no slugs in metrics).
    expect(text).toContain('route="/api/m/:municipality/departments"');
    expect(text).not.toContain('zarechny');
    expect(text).not.toContain('no-such-route');
    expect(text).toMatch(/route="unmatched",status="404"\} 2/);
    // Process metrics come along.
    expect(text).toContain('zemstvo_process_cpu_seconds_total');
    expect(text).toContain('# TYPE zemstvo_http_errors_total counter');
  });

  it('answers /readyz 503 until the platform is ready, then 200, and 503 once the database is closed', async () => {
    const db: Database = await openTestDatabase();
    let ready = false;
    const app = await buildApp(p, { ...p.services, db }, () => ready);
    try {
      const starting = await app.inject('/readyz');
      expect([starting.statusCode, starting.json()]).toEqual([503, { status: 'starting' }]);
      ready = true;
      const up = await app.inject('/readyz');
      expect([up.statusCode, up.json()]).toEqual([200, { status: 'ready', database: db.kind }]);
      await db.close();
      const down = await app.inject('/readyz');
      expect([down.statusCode, down.json()]).toEqual([503, { status: 'database_unavailable' }]);
      // Liveness does not depend on the database.
      expect((await app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('writes structured JSON logs that carry the request id, and never leaks internals to the caller', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logger = pino({ level: 'info', base: { service: 'zemstvo' } }, sink);
    const app = await buildApp(p, p.services, () => true, logger);
    try {
      const ok = await app.inject({ url: '/api/test/log', headers: { 'x-request-id': 'obs-log-0001' } });
      expect(ok.statusCode).toBe(200);
      const bug = await app.inject({ url: '/api/test/bug', headers: { 'x-request-id': 'obs-bug-0002' } });
      expect(bug.statusCode).toBe(500);
      expect(bug.json()).toEqual({
        error: {
          code: 'internal',
          message: 'Internal error; it has been logged',
          details: { requestId: 'obs-bug-0002' },
        },
      });
      expect(bug.body).not.toContain('secret internals');
      expect(bug.body).not.toContain('    at ');
    } finally {
      await app.close();
    }
    const of = (id: string) => lines.filter((l) => l.reqId === id);
    expect(of('obs-log-0001').map((l) => l.msg)).toEqual([
      'incoming request',
      'use case ran',
      'request completed',
    ]);
    expect(of('obs-log-0001').every((l) => l.service === 'zemstvo' && typeof l.time === 'number')).toBe(true);
    const completed = of('obs-log-0001').find((l) => l.msg === 'request completed')!;
    expect(completed).toMatchObject({ level: 30, res: { statusCode: 200 } });
    const error = of('obs-bug-0002').find((l) => l.msg === 'unhandled error')!;
    expect(error).toMatchObject({ level: 50, err: { type: 'TypeError' } });
    expect(String((error.err as { stack: string }).stack)).toContain('secret internals');
  });
});
