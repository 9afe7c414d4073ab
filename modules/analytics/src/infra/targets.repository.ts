import type { Sql } from '@zemstvo/kernel';
import type { Targets } from '../domain/cityscore.ts';

export const targetsRepo = {
  async get(sql: Sql, municipalityId: string): Promise<(Targets & { updatedAt: Date }) | null> {
    const rows = await sql.query<Targets & { updatedAt: Date }>(
      `SELECT on_time_share AS "onTimeShare", answer_days AS "answerDays", rating,
          backlog_within_share AS "backlogWithinShare", updated_at AS "updatedAt"
        FROM analytics_targets WHERE municipality_id = $1`,
      [municipalityId],
    );
    return rows[0] ?? null;
  },

  async put(sql: Sql, municipalityId: string, t: Targets, userId: string | null, now: Date): Promise<void> {
    await sql.query(
      `INSERT INTO analytics_targets (municipality_id, on_time_share, answer_days, rating, backlog_within_share, updated_by, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (municipality_id) DO UPDATE SET on_time_share = EXCLUDED.on_time_share,
          answer_days = EXCLUDED.answer_days, rating = EXCLUDED.rating,
          backlog_within_share = EXCLUDED.backlog_within_share, updated_by = EXCLUDED.updated_by,
          updated_at = EXCLUDED.updated_at`,
      [municipalityId, t.onTimeShare, t.answerDays, t.rating, t.backlogWithinShare, userId, now],
    );
  },
};
