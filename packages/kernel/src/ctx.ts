import type { Actor } from './actor.ts';
import type { Clock } from './clock.ts';
import type { Sql } from './sql.ts';
import { badRequest } from './errors.ts';

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** The tenant a request acts in: resolved from the URL, checked against the actor. */
export interface Tenant {
  municipalityId: string;
  regionId: string;
  slug: string;
  /** Text-search configuration chosen by the municipality (`russian`, `english`). */
  ftsConfig: string;
  /**
   * IANA time zone of the municipality (`municipalities.timezone`, e.g. `Asia/Vladivostok`): every
   * local day (registration dates, deadlines, overdue, day buckets) is a day in this zone.
   */
  timeZone: string;
}

/**
 * Everything a use case may touch. Use cases take `ctx` first and never see Fastify or the driver:
 * `tx` is the open transaction, `clock` the only source of time.
 */
export interface Ctx {
  actor: Actor;
  tenant: Tenant | null;
  tx: Sql;
  clock: Clock;
  log: Logger;
  requestId: string;
}

/**
 * The time zone of the municipality `ctx` acts in. 59-FZ terms (Art. 8 Part 3, Art. 12 Part 1) run
 * from the date of registration in the body that registers the appeal, i.e. its local calendar day.
 */
export function municipalTimeZone(ctx: Pick<Ctx, 'tenant'>): string {
  if (!ctx.tenant) throw badRequest('tenant_required', 'This needs a municipality');
  return ctx.tenant.timeZone;
}
