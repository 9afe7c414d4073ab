import type { Sql } from '@zemstvo/kernel';

export const versionRepo = {
  /**
   * How many audited changes the municipality has had: every mutating use case writes one audit
   * record in its transaction (CONTRIBUTING rule 4), so an unchanged number means unchanged data.
   */
  async dataVersion(sql: Sql, municipalityId: string): Promise<string> {
    const rows = await sql.query<{ v: string }>(
      'SELECT chain_seq::text AS v FROM audit_chain_heads WHERE chain = $1',
      [municipalityId],
    );
    return rows[0]?.v ?? '0';
  },
};
