import type { Sql } from '@zemstvo/kernel';

export interface PasswordResetRecord {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export const passwordResetsRepo = {
  async insert(
    sql: Sql,
    r: { tokenHash: string; userId: string; now: Date; expiresAt: Date },
  ): Promise<void> {
    await sql.query(
      'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [r.tokenHash, r.userId, r.now, r.expiresAt],
    );
  },
  /** Ends every unused link of the user (a newer link supersedes older ones; a used one ends all). */
  async supersedeAll(sql: Sql, userId: string, now: Date): Promise<void> {
    await sql.query('UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
      userId,
      now,
    ]);
  },
  /** The link, locked for the rest of the transaction so it can be used only once. */
  async findForUpdate(sql: Sql, tokenHash: string): Promise<PasswordResetRecord | undefined> {
    const rows = await sql.query<PasswordResetRecord>(
      `SELECT token_hash AS "tokenHash", user_id AS "userId", created_at AS "createdAt", expires_at AS "expiresAt",
         used_at AS "usedAt"
       FROM password_resets WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0];
  },
};
