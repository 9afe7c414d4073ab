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

/** Statements marked with `prepared`, by text: their server-side names. */
const preparedNames = new Map<string, string>();
/** A guard against marking generated text by mistake: beyond this, statements run unprepared. */
const MAX_PREPARED = 200;

/**
 * Marks a statement that runs on a hot path (every intake, every request's session) for a
 * server-side prepared statement: on PostgreSQL each pooled connection parses and plans it once and
 * then only binds and executes it (one message less over the wire, no parse/analysis on the
 * server). PGlite ignores the mark. Only for constant text (one text per call site): the names
 * are kept for the life of the process, per connection on the server. Returns the text itself.
 */
export function prepared(text: string): string {
  if (!preparedNames.has(text) && preparedNames.size < MAX_PREPARED)
    preparedNames.set(text, `zemstvo_${preparedNames.size + 1}`);
  return text;
}

/** The server-side name of a statement marked with `prepared` (undefined when not marked). */
export function preparedName(text: string): string | undefined {
  return preparedNames.get(text);
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
