import type { Sql } from '@zemstvo/kernel';

export const identityLinksRepo = {
  async userIdOf(sql: Sql, provider: string, subject: string): Promise<string | undefined> {
    const rows = await sql.query<{ user_id: string }>(
      'SELECT user_id FROM identity_links WHERE provider = $1 AND subject = $2',
      [provider, subject],
    );
    return rows[0]?.user_id;
  },
  async insert(sql: Sql, l: { provider: string; subject: string; userId: string; now: Date }): Promise<void> {
    await sql.query(
      'INSERT INTO identity_links (provider, subject, user_id, created_at) VALUES ($1, $2, $3, $4)',
      [l.provider, l.subject, l.userId, l.now],
    );
  },
};
