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
