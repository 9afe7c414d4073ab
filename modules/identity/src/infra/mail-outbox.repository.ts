import type { Sql } from '@zemstvo/kernel';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  bodyText: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
}

const COLS = `id, to_address AS "to", subject, body_text AS "bodyText", created_at AS "createdAt", sent_at AS "sentAt",
  attempts, last_error AS "lastError"`;

export const mailOutboxRepo = {
  async insert(sql: Sql, m: { to: string; subject: string; bodyText: string; now: Date }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO mail_outbox (to_address, subject, body_text, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [m.to, m.subject, m.bodyText, m.now],
    );
    return row!.id;
  },
  async byIdForUpdate(sql: Sql, id: string): Promise<OutboxMail | undefined> {
    const rows = await sql.query<OutboxMail>(`SELECT ${COLS} FROM mail_outbox WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0];
  },
  async markSent(sql: Sql, id: string, now: Date): Promise<void> {
    await sql.query(
      'UPDATE mail_outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1',
      [id, now],
    );
  },
  async latest(sql: Sql, limit: number): Promise<OutboxMail[]> {
    return sql.query<OutboxMail>(`SELECT ${COLS} FROM mail_outbox ORDER BY created_at DESC, id LIMIT $1`, [
      limit,
    ]);
  },
};
