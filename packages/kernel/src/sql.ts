/** A row as the database drivers return it. */
export type Row = Record<string, unknown>;

/**
 * What use cases and repositories get as `ctx.tx`: parameterized SQL (`$1`, `$2`, …) on the
 * current transaction. Both drivers (PGlite and node-postgres) implement it the same way.
 */
export interface Sql {
  query<T extends object = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations, DDL). */
  exec(text: string): Promise<void>;
  /**
   * Inside a transaction: runs `fn` after the caller's work, just before COMMIT (in the same
   * transaction; never on rollback). Work that must lock a hot row (the audit chain's head) does
   * it there, so the lock is held only until the commit. Absent outside a transaction.
   */
  beforeCommit?(fn: () => Promise<void>): void;
}

/** The hooks of one transaction (or savepoint): `sql` with `beforeCommit`, and `run` to call them in order. */
export function withBeforeCommit(sql: Sql): { sql: Sql; run: () => Promise<void> } {
  const hooks: (() => Promise<void>)[] = [];
  return {
    sql: {
      query: (text, params) => sql.query(text, params),
      exec: (text) => sql.exec(text),
      beforeCommit: (fn) => hooks.push(fn),
    },
    async run() {
      // A hook may add another: run until none is left.
      for (let i = 0; i < hooks.length; i++) await hooks[i]!();
    },
  };
}

export async function one<T extends object>(sql: Sql, text: string, params?: readonly unknown[]): Promise<T> {
  const rows = await sql.query<T>(text, params);
  const row = rows[0];
  if (!row) throw new Error(`Expected one row, got none: ${text.slice(0, 80)}`);
  return row;
}

export async function maybeOne<T extends object>(
  sql: Sql,
  text: string,
  params?: readonly unknown[],
): Promise<T | undefined> {
  const rows = await sql.query<T>(text, params);
  return rows[0];
}
