import type { Actor } from './actor.ts';
import type { Clock } from './clock.ts';
import type { Sql } from './sql.ts';

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
