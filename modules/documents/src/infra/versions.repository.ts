import type { Sql } from '@zemstvo/kernel';

export interface VersionRow {
  documentId: string;
  version: number;
  templateCode: string | null;
  fields: Record<string, string>;
  body: string;
  docxKey: string | null;
  pdfKey: string | null;
  pdfSha256: string | null;
  createdBy: string | null;
  createdAt: Date;
  comment: string | null;
  locale: 'ru' | 'en';
}

const COLS = `document_id AS "documentId", version, template_code AS "templateCode", fields, body, docx_key AS "docxKey",
  pdf_key AS "pdfKey", pdf_sha256 AS "pdfSha256", created_by AS "createdBy", created_at AS "createdAt", comment, locale`;

/** Saved states of drafts: every save is a new version with its rendered DOCX and PDF. */
export const versionsRepo = {
  async insert(sql: Sql, m: string, v: Omit<VersionRow, 'version'>): Promise<VersionRow> {
    const [row] = await sql.query<VersionRow>(
      `INSERT INTO document_versions (municipality_id, document_id, version, template_code, fields, body, docx_key, pdf_key,
         pdf_sha256, created_by, created_at, comment, locale)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
       FROM document_versions WHERE municipality_id = $1 AND document_id = $2
       RETURNING ${COLS}`,
      [
        m,
        v.documentId,
        v.templateCode,
        JSON.stringify(v.fields),
        v.body,
        v.docxKey,
        v.pdfKey,
        v.pdfSha256,
        v.createdBy,
        v.createdAt,
        v.comment,
        v.locale,
      ],
    );
    return row!;
  },

  async list(sql: Sql, m: string, documentId: string): Promise<VersionRow[]> {
    return sql.query(
      `SELECT ${COLS} FROM document_versions WHERE municipality_id = $1 AND document_id = $2 ORDER BY version`,
      [m, documentId],
    );
  },

  /** One version, or the latest when `version` is omitted. */
  async get(sql: Sql, m: string, documentId: string, version?: number): Promise<VersionRow | undefined> {
    const rows = await sql.query<VersionRow>(
      `SELECT ${COLS} FROM document_versions WHERE municipality_id = $1 AND document_id = $2
         AND ($3::int IS NULL OR version = $3) ORDER BY version DESC LIMIT 1`,
      [m, documentId, version ?? null],
    );
    return rows[0];
  },
};
