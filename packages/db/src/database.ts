import type { Sql } from '@zemstvo/kernel';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The one door to the database. Every unit of work runs in `transaction`; on PGlite (a single
 * connection) transactions are serialized by PGlite's own transaction mutex, so a request's
 * statements never interleave with another's. On a server each transaction takes a pooled client.
 */
export interface Database {
  readonly kind: DatabaseKind;
  /** Human description for logs: the data directory or the server without the password. */
  readonly description: string;
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** One statement in autocommit mode (health checks, reads that need no transaction). */
  query: Sql['query'];
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}
