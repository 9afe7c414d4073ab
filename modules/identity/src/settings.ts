import type { IdentityProvider } from './domain/identity-provider.ts';

/** Throttling of the sign-in, sign-up and reset routes (in memory, per server process). */
export interface AuthRateLimits {
  /** Length of a counting window. */
  windowMs: number;
  /** Requests per client IP and window, counted separately on each throttled route. */
  perIp: number;
  /** Sign-in attempts per e-mail and window, from any IP. */
  perAccount: number;
  /** Reset letters per e-mail per hour (a mailbox is not to be flooded). */
  resetsPerAccountPerHour: number;
}

export const defaultRateLimits: AuthRateLimits = {
  windowMs: 60_000,
  perIp: 60,
  perAccount: 20,
  resetsPerAccountPerHour: 5,
};

/** What the identity module needs from the composition root. */
export interface IdentityRuntime {
  rateLimits: AuthRateLimits;
  /** External sign-in providers, by name. */
  providers: ReadonlyMap<string, IdentityProvider>;
}
