import type { Sql } from '@zemstvo/kernel';

export interface NotificationRow {
  id: string;
  municipalityId: string;
  kind: string;
  documentId: string | null;
  assignmentId: string | null;
  textRu: string;
  textEn: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const COLS = `id, municipality_id AS "municipalityId", kind, document_id AS "documentId", assignment_id AS "assignmentId",
  text_ru AS "textRu", text_en AS "textEn", link, created_at AS "createdAt", read_at AS "readAt"`;

export const notificationsRepo = {
  async insert(
    sql: Sql,
    m: string,
    n: {
      userId: string;
      kind: string;
      documentId: string | null;
      assignmentId: string | null;
      textRu: string;
      textEn: string;
      link: string | null;
      now: Date;
    },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO notifications (municipality_id, user_id, kind, document_id, assignment_id, text_ru, text_en, link, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [m, n.userId, n.kind, n.documentId, n.assignmentId, n.textRu, n.textEn, n.link, n.now],
    );
    return row!.id;
  },

  /** A user's notifications in every municipality, newest first. */
  async listForUser(
    sql: Sql,
    userId: string,
    f: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ items: NotificationRow[]; unread: number }> {
    const items = await sql.query<NotificationRow>(
      `SELECT ${COLS} FROM notifications WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
       ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [userId, f.unreadOnly, f.limit, f.offset],
    );
    const [count] = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return { items, unread: count?.n ?? 0 };
  },

  /** Marks the user's own notification read; its municipality, or null when the user has no such notification. */
  async markRead(
    sql: Sql,
    userId: string,
    id: string,
    now: Date,
  ): Promise<{ municipalityId: string } | null> {
    const rows = await sql.query<{ municipalityId: string }>(
      `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE user_id = $1 AND id = $2
       RETURNING municipality_id AS "municipalityId"`,
      [userId, id, now],
    );
    return rows[0] ?? null;
  },

  async countFor(sql: Sql, m: string, assignmentId: string, kind: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE municipality_id = $1 AND assignment_id = $2 AND kind = $3',
      [m, assignmentId, kind],
    );
    return row?.n ?? 0;
  },
};
