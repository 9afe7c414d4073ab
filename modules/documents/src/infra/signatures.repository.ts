import type { Sql } from '@zemstvo/kernel';

export interface SignatureRow {
  id: string;
  documentId: string;
  version: number;
  method: string;
  signerUserId: string;
  signerName: string;
  signerPosition: string | null;
  signedAt: Date;
  fileSha256: string;
  fileKey: string;
  signatureData: string | null;
  municipalityNameRu: string | null;
  municipalityNameEn: string | null;
}

/** What the public verification tells about a file: the signature and the document's number. */
export interface VerifiedSignature extends SignatureRow {
  municipalityId: string;
  documentNumber: string | null;
  documentKind: string;
}

export interface DispatchRow {
  id: string;
  documentId: string;
  channel: 'cabinet' | 'email' | 'post';
  address: string | null;
  status: 'queued' | 'sent' | 'failed' | 'printed';
  at: Date;
  createdBy: string | null;
  mailId: string | null;
  /** Capability link of an e-mail dispatch (never shown in lists). */
  downloadToken: string | null;
}

const SIG_COLS = (a: string) => `${a}.id, ${a}.document_id AS "documentId", ${a}.version, ${a}.method,
  ${a}.signer_user_id AS "signerUserId", ${a}.signer_name AS "signerName", ${a}.signer_position AS "signerPosition",
  ${a}.signed_at AS "signedAt", ${a}.file_sha256 AS "fileSha256", ${a}.file_key AS "fileKey", ${a}.signature_data AS "signatureData",
  ${a}.municipality_name_ru AS "municipalityNameRu", ${a}.municipality_name_en AS "municipalityNameEn"`;
const DISPATCH_COLS = `id, document_id AS "documentId", channel, address, status, at, created_by AS "createdBy", mail_id AS "mailId",
  download_token AS "downloadToken"`;

/** Signatures of outgoing documents and their dispatches. */
export const signaturesRepo = {
  async insert(sql: Sql, m: string, s: Omit<SignatureRow, 'id'>): Promise<SignatureRow> {
    const [row] = await sql.query<SignatureRow>(
      `INSERT INTO signatures (municipality_id, document_id, version, method, signer_user_id, signer_name, signer_position,
         signed_at, file_sha256, file_key, signature_data, municipality_name_ru, municipality_name_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${SIG_COLS('signatures')}`,
      [
        m,
        s.documentId,
        s.version,
        s.method,
        s.signerUserId,
        s.signerName,
        s.signerPosition,
        s.signedAt,
        s.fileSha256,
        s.fileKey,
        s.signatureData,
        s.municipalityNameRu,
        s.municipalityNameEn,
      ],
    );
    return row!;
  },

  async ofDocument(sql: Sql, m: string, documentId: string): Promise<SignatureRow[]> {
    return sql.query(
      `SELECT ${SIG_COLS('s')} FROM signatures s WHERE s.municipality_id = $1 AND s.document_id = $2 ORDER BY s.signed_at, s.id`,
      [m, documentId],
    );
  },

  /** Public verification: the signatures of a file with this SHA-256, in any municipality. */
  async byHash(sql: Sql, sha256: string): Promise<VerifiedSignature[]> {
    return sql.query(
      `SELECT ${SIG_COLS('s')}, s.municipality_id AS "municipalityId", d.reg_number AS "documentNumber", d.kind AS "documentKind"
       FROM signatures s JOIN documents d ON d.municipality_id = s.municipality_id AND d.id = s.document_id
       WHERE s.file_sha256 = $1 ORDER BY s.signed_at, s.id`,
      [sha256],
    );
  },

  async insertDispatch(sql: Sql, m: string, d: Omit<DispatchRow, 'id'>): Promise<DispatchRow> {
    const [row] = await sql.query<DispatchRow>(
      `INSERT INTO dispatches (municipality_id, document_id, channel, address, status, at, created_by, mail_id, download_token)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${DISPATCH_COLS}`,
      [m, d.documentId, d.channel, d.address, d.status, d.at, d.createdBy, d.mailId, d.downloadToken],
    );
    return row!;
  },

  /** The signed file an e-mail dispatch's capability link gives, in any municipality. */
  async byDownloadToken(
    sql: Sql,
    token: string,
  ): Promise<{ municipalityId: string; documentId: string } | undefined> {
    const rows = await sql.query<{ municipalityId: string; documentId: string }>(
      `SELECT municipality_id AS "municipalityId", document_id AS "documentId" FROM dispatches WHERE download_token = $1`,
      [token],
    );
    return rows[0];
  },

  async dispatchesOf(sql: Sql, m: string, documentId: string): Promise<DispatchRow[]> {
    return sql.query(
      `SELECT ${DISPATCH_COLS} FROM dispatches WHERE municipality_id = $1 AND document_id = $2 ORDER BY at, id`,
      [m, documentId],
    );
  },
};
