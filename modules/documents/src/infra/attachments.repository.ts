import type { Sql } from '@zemstvo/kernel';

/** A file (photo, audio, document, text) or a link attached to a document. */
export interface AttachmentRow {
  id: string;
  documentId: string;
  kind: 'photo' | 'audio' | 'file' | 'text' | 'link';
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string | null;
  storageKey: string | null;
  url: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export type NewAttachment = Omit<AttachmentRow, 'id' | 'createdAt'> & {
  id?: string;
  extractedText: string | null;
};

/** A file uploaded before its document exists (see migration 0003), waiting to be claimed. */
export interface StagedUploadRow {
  id: string;
  kind: 'photo' | 'audio' | 'file' | 'text';
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  extractedText: string | null;
  uploadedBy: string | null;
  createdAt: Date;
}

const COLS = `id, document_id AS "documentId", kind, file_name AS "fileName", media_type AS "mediaType",
  size_bytes::float8 AS "sizeBytes", sha256, storage_key AS "storageKey", url, created_by AS "createdBy",
  created_at AS "createdAt"`;

const UPLOAD_COLS = `id, kind, file_name AS "fileName", media_type AS "mediaType", size_bytes::float8 AS "sizeBytes",
  sha256, storage_key AS "storageKey", extracted_text AS "extractedText", uploaded_by AS "uploadedBy", created_at AS "createdAt"`;

/** The only code that knows the attachment tables. Every query is bound to one municipality. */
export const attachmentsRepo = {
  async insert(sql: Sql, municipalityId: string, a: NewAttachment, now: Date): Promise<AttachmentRow> {
    const [row] = await sql.query<AttachmentRow>(
      `INSERT INTO attachments (municipality_id, id, document_id, kind, file_name, media_type, size_bytes, sha256,
         storage_key, url, extracted_text, created_by, created_at)
       VALUES ($1, coalesce($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING ${COLS}`,
      [
        municipalityId,
        a.id ?? null,
        a.documentId,
        a.kind,
        a.fileName,
        a.mediaType,
        a.sizeBytes,
        a.sha256,
        a.storageKey,
        a.url,
        a.extractedText,
        a.createdBy,
        now,
      ],
    );
    return row!;
  },

  async listForDocument(sql: Sql, municipalityId: string, documentId: string): Promise<AttachmentRow[]> {
    return sql.query(
      `SELECT ${COLS} FROM attachments WHERE municipality_id = $1 AND document_id = $2 ORDER BY created_at, seq`,
      [municipalityId, documentId],
    );
  },

  async get(
    sql: Sql,
    municipalityId: string,
    documentId: string,
    id: string,
  ): Promise<AttachmentRow | undefined> {
    const rows = await sql.query<AttachmentRow>(
      `SELECT ${COLS} FROM attachments WHERE municipality_id = $1 AND document_id = $2 AND id = $3`,
      [municipalityId, documentId, id],
    );
    return rows[0];
  },

  async extractedText(sql: Sql, municipalityId: string, id: string): Promise<string | null> {
    const rows = await sql.query<{ t: string | null }>(
      'SELECT extracted_text AS t FROM attachments WHERE municipality_id = $1 AND id = $2',
      [municipalityId, id],
    );
    return rows[0]?.t ?? null;
  },

  async stage(
    sql: Sql,
    municipalityId: string,
    u: Omit<StagedUploadRow, 'id' | 'createdAt'>,
    now: Date,
  ): Promise<StagedUploadRow> {
    const [row] = await sql.query<StagedUploadRow>(
      `INSERT INTO attachment_uploads (municipality_id, kind, file_name, media_type, size_bytes, sha256, storage_key,
         extracted_text, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${UPLOAD_COLS}`,
      [
        municipalityId,
        u.kind,
        u.fileName,
        u.mediaType,
        u.sizeBytes,
        u.sha256,
        u.storageKey,
        u.extractedText,
        u.uploadedBy,
        now,
      ],
    );
    return row!;
  },

  /**
   * Takes staged uploads out of the waiting table (a row is deleted once, so two claims cannot both
   * get it). Only the uploader's own, or anonymous ones, can be taken by `claimant`.
   */
  async takeStaged(
    sql: Sql,
    municipalityId: string,
    ids: readonly string[],
    claimant: string | null,
  ): Promise<StagedUploadRow[]> {
    if (ids.length === 0) return [];
    return sql.query(
      `DELETE FROM attachment_uploads WHERE municipality_id = $1 AND id = ANY($2::uuid[])
         AND (uploaded_by IS NULL OR uploaded_by = $3) RETURNING ${UPLOAD_COLS}`,
      [municipalityId, [...ids], claimant],
    );
  },

  /** Removes up to `limit` uploads older than `before`; returns their storage keys (the orphan sweep deletes the files). */
  async purgeStaged(sql: Sql, municipalityId: string, before: Date, limit: number): Promise<string[]> {
    const rows = await sql.query<{ key: string }>(
      `DELETE FROM attachment_uploads WHERE municipality_id = $1 AND id IN (
         SELECT id FROM attachment_uploads WHERE municipality_id = $1 AND created_at < $2
         ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING storage_key AS key`,
      [municipalityId, before, limit],
    );
    return rows.map((r) => r.key);
  },
};
