import type { Sql } from '@zemstvo/kernel';

/**
 * How many audited changes the municipality has had (the position of its audit chain's head):
 * every mutating use case writes an audit record in its transaction (CONTRIBUTING rule 4), and the
 * head moves when that transaction commits, so an unchanged number means unchanged data. Writes
 * that bypass the use cases (raw SQL) do not move it.
 */
export async function dataVersion(sql: Sql, municipalityId: string): Promise<string> {
  const rows = await sql.query<{ v: string }>(
    'SELECT chain_seq::text AS v FROM audit_chain_heads WHERE chain = $1',
    [municipalityId],
  );
  return rows[0]?.v ?? '0';
}
