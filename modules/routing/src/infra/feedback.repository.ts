import type { Sql } from '@zemstvo/kernel';

export interface FeedbackRow {
  id: string;
  head: 'category' | 'reason' | 'executor';
  modelId: string | null;
  suggested: { label: string; confidence: number }[];
  chosen: string;
  accepted: boolean;
  userId: string | null;
  createdAt: Date;
}

export const feedbackRepo = {
  async insert(
    sql: Sql,
    municipalityId: string,
    appealId: string,
    f: Omit<FeedbackRow, 'id'>,
  ): Promise<FeedbackRow> {
    const rows = await sql.query<FeedbackRow>(
      `INSERT INTO routing_feedback (municipality_id, appeal_id, head, model_id, suggested, chosen, accepted, user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id, head, model_id AS "modelId", suggested, chosen, accepted, user_id AS "userId", created_at AS "createdAt"`,
      [
        municipalityId,
        appealId,
        f.head,
        f.modelId,
        JSON.stringify(f.suggested),
        f.chosen,
        f.accepted,
        f.userId,
        f.createdAt,
      ],
    );
    return rows[0]!;
  },

  /** The latest answer per head for one appeal. */
  async latestPerHead(sql: Sql, municipalityId: string, appealId: string): Promise<FeedbackRow[]> {
    return sql.query<FeedbackRow>(
      `SELECT DISTINCT ON (head) id, head, model_id AS "modelId", suggested, chosen, accepted, user_id AS "userId",
         created_at AS "createdAt"
       FROM routing_feedback WHERE municipality_id = $1 AND appeal_id = $2
       ORDER BY head, created_at DESC, id`,
      [municipalityId, appealId],
    );
  },
};
