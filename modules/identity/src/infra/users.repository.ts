import type { Sql, UserKind } from '@zemstvo/kernel';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  regionId: string | null;
  locale: 'ru' | 'en';
  passwordHash: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
}

const COLS = `id, email, display_name AS "displayName", kind, region_id AS "regionId", locale,
  password_hash AS "passwordHash", failed_logins AS "failedLogins", locked_until AS "lockedUntil",
  disabled_at AS "disabledAt"`;

export const usersRepo = {
  async byEmail(sql: Sql, email: string): Promise<UserRecord | undefined> {
    const rows = await sql.query<UserRecord>(`SELECT ${COLS} FROM users WHERE lower(email) = lower($1)`, [
      email,
    ]);
    return rows[0];
  },
  async byId(sql: Sql, id: string): Promise<UserRecord | undefined> {
    const rows = await sql.query<UserRecord>(`SELECT ${COLS} FROM users WHERE id = $1`, [id]);
    return rows[0];
  },
  async insert(
    sql: Sql,
    u: {
      email: string;
      displayName: string;
      kind: UserKind;
      regionId: string | null;
      locale: string;
      passwordHash: string | null;
      now: Date;
    },
  ): Promise<UserRecord> {
    const [row] = await sql.query<UserRecord>(
      `INSERT INTO users (email, display_name, kind, region_id, locale, password_hash, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING ${COLS}`,
      [u.email, u.displayName, u.kind, u.regionId, u.locale, u.passwordHash, u.now],
    );
    return row!;
  },
  async recordFailedLogin(sql: Sql, id: string, lockedUntil: Date | null): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `UPDATE users SET failed_logins = failed_logins + 1, locked_until = coalesce($2, locked_until)
       WHERE id = $1 RETURNING failed_logins AS n`,
      [id, lockedUntil],
    );
    return row?.n ?? 0;
  },
  async resetFailedLogins(sql: Sql, id: string): Promise<void> {
    await sql.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
  },
  async setPassword(sql: Sql, id: string, passwordHash: string, now: Date): Promise<void> {
    await sql.query(
      'UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1',
      [id, passwordHash, now],
    );
  },
  async setLocale(sql: Sql, id: string, locale: 'ru' | 'en'): Promise<void> {
    await sql.query('UPDATE users SET locale = $2 WHERE id = $1', [id, locale]);
  },
};

/** The user as others may see it in audit records and responses: never the password hash. */
export function publicUser(u: UserRecord) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    kind: u.kind,
    regionId: u.regionId,
    locale: u.locale,
  };
}
