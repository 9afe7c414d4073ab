import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from '@zemstvo/kernel';
import type { AuthRateLimits } from '../settings.ts';

export type RequestGuard = (req: FastifyRequest) => Promise<void>;

export interface AuthLimiters {
  /** An onRequest guard: requests per client IP on one route (before the body is even parsed). */
  perIp(): RequestGuard;
  /** A preHandler guard: attempts per account, keyed by the `email` of the validated body. */
  perAccount(max: number, windowMs: number): RequestGuard;
}

/**
 * Throttles with @fastify/rate-limit's in-memory store (one per server process; several processes
 * each count on their own). An exceeded limit answers 429 `rate_limited` with Retry-After.
 * Every call creates an independent counter, so each route counts on its own.
 */
export async function installAuthLimiters(
  scope: FastifyInstance,
  limits: AuthRateLimits,
): Promise<AuthLimiters> {
  await scope.register(rateLimit, { global: false });
  const guard =
    (limiter: ReturnType<FastifyInstance['createRateLimit']>): RequestGuard =>
    async (req) => {
      const r = await limiter(req);
      if (!r.isAllowed && r.isExceeded)
        throw tooManyRequests('Too many attempts: wait a little and try again', Math.max(1, r.ttlInSeconds));
    };
  return {
    perIp: () => guard(scope.createRateLimit({ max: limits.perIp, timeWindow: limits.windowMs })),
    perAccount: (max, windowMs) =>
      guard(
        scope.createRateLimit({
          max,
          timeWindow: windowMs,
          keyGenerator: (req) => {
            const email = (req.body as { email?: unknown } | undefined)?.email;
            return `account:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
          },
        }),
      ),
  };
}
