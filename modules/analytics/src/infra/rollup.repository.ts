import type { Sql } from '@zemstvo/kernel';
import type { Slice } from '../domain/filters.ts';
import type { Counts } from '../domain/metrics.ts';
import {
  DAYS_SQL,
  dayEndSql,
  dayStartSql,
  LATE_SQL,
  ON_TIME_SQL,
  OVERDUE_NOW_SQL,
  Params,
} from './slice.repository.ts';

export interface RollupRow extends Counts {
  municipalityId: string | null;
  medianDays: number | null;
}

export const rollupRepo = {
  /**
   * KPI counts of appeals received in [from, to] in each of the municipalities, and over all of
   * them. Each municipality counts in its own time zone: its local days, its today (from `now`).
   */
  async kpis(sql: Sql, municipalityIds: readonly string[], s: Slice, now: Date): Promise<RollupRow[]> {
    if (!municipalityIds.length) return [];
    const p = new Params();
    const ids = p.add(municipalityIds);
    const from = p.add(s.from);
    const to = p.add(s.to);
    const today = `(${p.add(now)}::timestamptz AT TIME ZONE mz.timezone)::date`;
    return sql.query<RollupRow>(
      `SELECT a.municipality_id::text AS "municipalityId", count(*)::int AS n,
          count(a.registered_at)::int AS registered, count(a.closed_at)::int AS answered,
          count(*) FILTER (WHERE ${OVERDUE_NOW_SQL(today)})::int AS "overdueNow",
          count(*) FILTER (WHERE ${LATE_SQL('mz.timezone')})::int AS late,
          count(*) FILTER (WHERE ${ON_TIME_SQL('mz.timezone')})::int AS "onTime",
          avg(a.rating)::float8 AS rating, count(a.rating)::int AS rated,
          count(a.rejected_at)::int AS rejected,
          (percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_SQL}))::float8 AS "medianDays"
        FROM appeals a JOIN municipalities mz ON mz.id = a.municipality_id
        WHERE a.municipality_id = ANY(${ids}::uuid[])
          AND a.received_at >= ${dayStartSql(from, 'mz.timezone')}
          AND a.received_at < ${dayEndSql(to, 'mz.timezone')}
        GROUP BY GROUPING SETS ((a.municipality_id), ())`,
      p.values,
    );
  },
};
