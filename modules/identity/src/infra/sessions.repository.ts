import { prepared, type Sql } from '@zemstvo/kernel';
import type { UserRecord } from './users.repository.ts';

export interface SessionWithUser {
  id: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  user: Pick<UserRecord, 'id' | 'email' | 'displayName' | 'kind' | 'regionId' | 'disabledAt'>;
}

export const sessionsRepo = {
  async insert(
    sql: Sql,
    s: {
      id: string;
      userId: string;
      csrfToken: string;
      now: Date;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at, last_seen_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $4, $6, $7)`,
      [s.id, s.userId, s.csrfToken, s.now, s.expiresAt, s.ip, s.userAgent?.slice(0, 300) ?? null],
    );
  },
  async find(sql: Sql, id: string, now: Date): Promise<SessionWithUser | undefined> {
    const rows = await sql.query<{
      id: string;
      csrf_token: string;
      created_at: Date;
      expires_at: Date;
      last_seen_at: Date;
      user_id: string;
      email: string;
      display_name: string;
      kind: UserRecord['kind'];
      region_id: string | null;
      disabled_at: Date | null;
    }>(
      // Every signed-in request runs it: prepared once per connection.
      prepared(`SELECT s.id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at, u.id AS user_id, u.email, u.display_name, u.kind,
         u.region_id, u.disabled_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > $2`),
      [id, now],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      csrfToken: r.csrf_token,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      lastSeenAt: r.last_seen_at,
      user: {
        id: r.user_id,
        email: r.email,
        displayName: r.display_name,
        kind: r.kind,
        regionId: r.region_id,
        disabledAt: r.disabled_at,
      },
    };
  },
  async touch(sql: Sql, id: string, now: Date, expiresAt: Date): Promise<void> {
    await sql.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1', [
      id,
      now,
      expiresAt,
    ]);
  },
  async delete(sql: Sql, id: string): Promise<void> {
    await sql.query('DELETE FROM sessions WHERE id = $1', [id]);
  },
  async deleteAllOf(sql: Sql, userId: string): Promise<void> {
    await sql.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  },
};
