import type { Sql } from '@zemstvo/kernel';

export interface SpikeRow {
  groupKey: string;
  day: string;
  service: string;
  category: string;
  observed: number;
  expected: number;
  upperBound: number;
  score: number;
  departmentCode: string | null;
  documentId: string;
  detectedAt: Date;
}

/** What a scan did when it found a spike over (see migration 0002). */
export type SpikeEndAction = 'closed' | 'noted' | 'none';

export interface SpikeEnd {
  endedOn: string | null;
  endAction: SpikeEndAction | null;
}

const COLS = `group_key AS "groupKey", to_char(day, 'YYYY-MM-DD') AS day, service_slug AS service,
  category_code AS category, observed, expected, upper_bound AS "upperBound", score,
  department_code AS "departmentCode", document_id AS "documentId", detected_at AS "detectedAt",
  to_char(ended_on, 'YYYY-MM-DD') AS "endedOn", end_action AS "endAction"`;

/** Spikes found and the signal documents they opened. Every query is bound to one municipality. */
export const spikesRepo = {
  async get(sql: Sql, m: string, groupKey: string, day: string): Promise<SpikeRow | undefined> {
    const rows = await sql.query<SpikeRow>(
      `SELECT ${COLS} FROM forecast_spikes WHERE municipality_id = $1 AND group_key = $2 AND day = $3`,
      [m, groupKey, day],
    );
    return rows[0];
  },

  /** Inserts the spike unless it is known; true when it was new. */
  async insert(sql: Sql, m: string, s: SpikeRow): Promise<boolean> {
    const rows = await sql.query<{ one: number }>(
      `INSERT INTO forecast_spikes (municipality_id, group_key, day, service_slug, category_code, observed, expected,
         upper_bound, score, department_code, document_id, detected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (municipality_id, group_key, day) DO NOTHING RETURNING 1 AS one`,
      [
        m,
        s.groupKey,
        s.day,
        s.service,
        s.category,
        s.observed,
        s.expected,
        s.upperBound,
        s.score,
        s.departmentCode,
        s.documentId,
        s.detectedAt,
      ],
    );
    return rows.length > 0;
  },

  /** Spikes not yet found over, oldest first. */
  async open(sql: Sql, m: string): Promise<(SpikeRow & SpikeEnd)[]> {
    return sql.query<SpikeRow & SpikeEnd>(
      `SELECT ${COLS} FROM forecast_spikes WHERE municipality_id = $1 AND ended_on IS NULL ORDER BY day, group_key`,
      [m],
    );
  },

  /** Records that the spike is over; false when another scan did it first. */
  async markEnded(
    sql: Sql,
    m: string,
    key: { groupKey: string; day: string },
    end: { endedOn: string; action: SpikeEndAction; at: Date },
  ): Promise<boolean> {
    const rows = await sql.query<{ one: number }>(
      `UPDATE forecast_spikes SET ended_on = $4, end_action = $5, ended_at = $6
       WHERE municipality_id = $1 AND group_key = $2 AND day = $3 AND ended_on IS NULL RETURNING 1 AS one`,
      [m, key.groupKey, key.day, end.endedOn, end.action, end.at],
    );
    return rows.length > 0;
  },

  /** The latest spikes, newest day first. */
  async recent(sql: Sql, m: string, limit: number): Promise<(SpikeRow & SpikeEnd)[]> {
    return sql.query<SpikeRow & SpikeEnd>(
      `SELECT ${COLS} FROM forecast_spikes WHERE municipality_id = $1 ORDER BY day DESC, group_key LIMIT $2`,
      [m, limit],
    );
  },
};
