import type { Sql } from '@zemstvo/kernel';
import { DOC_COLS, type DocumentRow } from './documents.repository.ts';

export interface DocumentFilter {
  direction?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  /** Words of the title or the registration number. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

export interface SenderRequisites {
  senderNumber: string | null;
  senderDate: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Lists of documents, and the requisites of letters from other bodies. Bound to one municipality. */
export const documentListRepo = {
  async list(sql: Sql, m: string, f: DocumentFilter): Promise<{ items: DocumentRow[]; total: number }> {
    const params = [
      m,
      f.direction ?? null,
      f.kind ?? null,
      f.status ?? null,
      f.q ? `%${escapeLike(f.q)}%` : null,
    ];
    const where = `municipality_id = $1 AND ($2::text IS NULL OR direction = $2) AND ($3::text IS NULL OR kind = $3)
      AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR title ILIKE $5 OR reg_number ILIKE $5)`;
    const items = await sql.query<DocumentRow>(
      `SELECT ${DOC_COLS} FROM documents WHERE ${where} ORDER BY created_at DESC, id LIMIT $6 OFFSET $7`,
      [...params, f.limit, f.offset],
    );
    const [count] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM documents WHERE ${where}`,
      params,
    );
    return { items, total: count?.n ?? 0 };
  },

  async setSender(sql: Sql, m: string, id: string, r: SenderRequisites): Promise<void> {
    await sql.query(
      'UPDATE documents SET sender_number = $3, sender_date = $4 WHERE municipality_id = $1 AND id = $2',
      [m, id, r.senderNumber, r.senderDate],
    );
  },

  async sender(sql: Sql, m: string, id: string): Promise<SenderRequisites | undefined> {
    const rows = await sql.query<SenderRequisites>(
      `SELECT sender_number AS "senderNumber", to_char(sender_date, 'YYYY-MM-DD') AS "senderDate"
       FROM documents WHERE municipality_id = $1 AND id = $2`,
      [m, id],
    );
    return rows[0];
  },
};
