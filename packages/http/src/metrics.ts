import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { unauthorized } from '@zemstvo/kernel';

export interface MetricsOptions {
  /**
   * METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>` (401 otherwise);
   * unset, it is open to anyone who reaches the server (restrict it at the proxy).
   */
  token?: string | undefined;
}

/** Is the request's bearer token the metrics token (compared in constant time)? */
function hasToken(req: FastifyRequest, token: string): boolean {
  const m = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
  const sent = Buffer.from(m?.[1] ?? '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** Prometheus metrics at /metrics: process defaults plus request counts and latencies by route. */
export function installMetrics(app: FastifyInstance, opts: MetricsOptions = {}): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'zemstvo_' });
  const duration = new Histogram({
    name: 'zemstvo_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'zemstvo_http_errors_total',
    help: 'HTTP responses with status >= 500',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const labels = { method: req.method, route, status: String(reply.statusCode) };
    duration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });
  const { token } = opts;
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (token && !hasToken(req, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw unauthorized('The metrics need Authorization: Bearer <METRICS_TOKEN>', 'metrics_token_required');
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
