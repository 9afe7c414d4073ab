import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Abilities, PermissionDef, PermissionRegistry } from '@zemstvo/authz';
import type { Database, JobHandler, MigrationSource } from '@zemstvo/db';
import type { Actor, Clock, Ctx, Logger, Sql, Tenant } from '@zemstvo/kernel';
import type { FileStorage } from '@zemstvo/storage';

/** Shared services the composition root hands every module. */
export interface Services {
  db: Database;
  clock: Clock;
  log: Logger;
  permissions: PermissionRegistry;
  /** Bytes of attachments and rendered documents (local disk by default). */
  storage: FileStorage;
  config: {
    publicUrl: string;
    devMode: boolean;
  };
}

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a first-party module contributes. Modules are listed in the composition root, in order. */
export interface ZemstvoModule {
  name: string;
  migrations?: MigrationSource;
  permissions?: readonly PermissionDef[];
  jobs?: Readonly<Record<string, JobHandler>>;
  /** Registers the module's routes; called with services, inside the API scope. */
  routes?: (app: TypedApp, services: Services) => Promise<void> | void;
  /**
   * Registers routes outside `/api`, at URLs a standard fixes (e.g. Open311 at `/open311/v2/…`).
   * Called in a scope of the module's own (its hooks and error handler stay there); callers are
   * authenticated on these routes exactly as on API routes.
   */
  rootRoutes?: (app: TypedApp, services: Services) => Promise<void> | void;
}

/** Resolves who is calling (session cookie, API token, …). Provided by the identity module. */
export type Authenticate = (req: FastifyRequest, sql: Sql) => Promise<AuthResult>;
export interface AuthResult {
  actor: Actor;
  /** CSRF token of the cookie session, when authenticated by cookie. */
  csrfToken: string | null;
}

/** Resolves an actor's abilities in a municipality. Provided by the tenancy module. */
export type ResolveAbilities = (sql: Sql, actor: Actor, tenant: Tenant) => Promise<Abilities>;
export type ResolveTenant = (sql: Sql, slug: string) => Promise<Tenant | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | null;
    tenant: Tenant | null;
    abilities: Abilities;
    /** Runs a use case in one transaction with a ctx built from this request. */
    useCase<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  }
}
