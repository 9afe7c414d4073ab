import type { requireUser } from '@zemstvo/http';
import { tooManyRequests, type Clock } from '@zemstvo/kernel';

type Request = Parameters<typeof requireUser>[0];

export interface IntakeRateLimit {
  /** Appeals an anonymous caller may file from one IP address per window. */
  max: number;
  windowMs: number;
}

export const defaultIntakeRateLimit: IntakeRateLimit = { max: 10, windowMs: 10 * 60_000 };

/**
 * A fixed-window counter per client IP for anonymous intake (signed-in residents and API tokens
 * are accountable and not limited here). In memory, per server process; the platform's clock, so
 * tests can move time.
 */
export function anonymousIntakeLimiter(clock: Clock, limit: IntakeRateLimit) {
  const windows = new Map<string, { start: number; count: number }>();
  return async (req: Request): Promise<void> => {
    if (req.actor.kind !== 'anonymous') return;
    const now = clock.now().getTime();
    if (windows.size > 50_000)
      for (const [ip, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(ip);
    const w = windows.get(req.ip);
    if (!w || now - w.start >= limit.windowMs) {
      windows.set(req.ip, { start: now, count: 1 });
      return;
    }
    if (w.count >= limit.max)
      throw tooManyRequests(
        'Too many appeals from this address: sign in, or try again later',
        Math.ceil((w.start + limit.windowMs - now) / 1000),
      );
    w.count++;
  };
}
