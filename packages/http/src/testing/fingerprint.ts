import type { Sql } from '@zemstvo/kernel';

/** Row count and content hash per table of the current schema: equal fingerprints mean no data changed. */
export type Fingerprint = Record<string, string>;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Builds a fingerprint function over every table of the current schema (tables created later are
 * not seen: build it after migrations). One statement per call; tests only, small tables.
 */
export async function makeFingerprint(sql: Pick<Sql, 'query'>): Promise<() => Promise<Fingerprint>> {
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  if (!tables.length) throw new Error('no tables to fingerprint');
  const text = tables
    .map(
      ({ name }) =>
        `SELECT '${name.replaceAll("'", "''")}' AS name, count(*)::text || ':' || ` +
        `coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS hash FROM ${quoteIdent(name)} t`,
    )
    .join(' UNION ALL ');
  return async () => {
    const rows = await sql.query<{ name: string; hash: string }>(text);
    return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
  };
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
