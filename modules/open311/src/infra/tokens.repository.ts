import type { Sql } from '@zemstvo/kernel';

/** Open311 tokens: what a client gets back for a request, to look its id up later. */
export const open311TokensRepo = {
  async byToken(
    sql: Sql,
    municipalityId: string,
    token: string,
  ): Promise<{ documentId: string } | undefined> {
    const rows = await sql.query<{ documentId: string }>(
      `SELECT document_id AS "documentId" FROM open311_tokens WHERE municipality_id = $1 AND token = $2`,
      [municipalityId, token],
    );
    return rows[0];
  },
  async byDocument(sql: Sql, municipalityId: string, documentId: string): Promise<string | undefined> {
    const rows = await sql.query<{ token: string }>(
      `SELECT token FROM open311_tokens WHERE municipality_id = $1 AND document_id = $2`,
      [municipalityId, documentId],
    );
    return rows[0]?.token;
  },
  async insert(
    sql: Sql,
    t: { municipalityId: string; token: string; documentId: string; submittedBy: string | null; now: Date },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO open311_tokens (municipality_id, token, document_id, submitted_by, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [t.municipalityId, t.token, t.documentId, t.submittedBy, t.now],
    );
  },
};
