import type { Sql } from '@zemstvo/kernel';

/** Appeals received on one day in one category of one service instance. */
export interface DayCount {
  service: string;
  category: string;
  /** The day in the municipality's time zone, YYYY-MM-DD. */
  day: string;
  count: number;
}

/** Counts of incoming appeals for the forecast. Every query is bound to one municipality. */
export const forecastRepo = {
  /**
   * Appeals received from the local day `from` up to the instant `until` per service instance,
   * category and local day (`timeZone`), optionally of one service instance (by its slug).
   */
  async dailyCounts(
    sql: Sql,
    m: string,
    range: { from: string; until: Date; timeZone: string; service?: string | undefined },
  ): Promise<DayCount[]> {
    return sql.query<DayCount>(
      `SELECT s.slug AS service, a.category_code AS category,
              to_char((a.received_at AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
       FROM appeals a
       JOIN service_instances s ON s.municipality_id = a.municipality_id AND s.id = a.service_instance_id
       WHERE a.municipality_id = $1 AND a.received_at >= ($2::date::timestamp AT TIME ZONE $4) AND a.received_at <= $3
         AND ($5::text IS NULL OR s.slug = $5)
       GROUP BY 1, 2, 3
       ORDER BY 3`,
      [m, range.from, range.until, range.timeZone, range.service ?? null],
    );
  },

  /** The local day of the municipality's latest appeal up to `until` (of one service instance), or null. */
  async latestDay(
    sql: Sql,
    m: string,
    range: { until: Date; timeZone: string; service?: string | undefined },
  ): Promise<string | null> {
    const rows = await sql.query<{ day: string | null }>(
      `SELECT to_char((max(a.received_at) AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day
       FROM appeals a
       JOIN service_instances s ON s.municipality_id = a.municipality_id AND s.id = a.service_instance_id
       WHERE a.municipality_id = $1 AND a.received_at <= $4 AND ($3::text IS NULL OR s.slug = $3)`,
      [m, range.timeZone, range.service ?? null, range.until],
    );
    return rows[0]?.day ?? null;
  },
};
