import type { Sql } from '@zemstvo/kernel';
import type { Period, Slice } from '../domain/filters.ts';
import {
  DAYS_SQL,
  EXECUTOR_SQL,
  FROM_CASES,
  LATE_SQL,
  ON_TIME_SQL,
  OVERDUE_NOW_SQL,
  Params,
  sliceWhere,
  TZ,
} from './slice.repository.ts';

export type Dimension = 'period' | 'category' | 'theme' | 'district' | 'executor' | 'days' | 'total';

/** Counts of one group of cases (a period, a category, …, or all of them). */
export interface GroupRow {
  dim: Dimension;
  key: string | null;
  n: number;
  registered: number;
  answered: number;
  overdueNow: number;
  late: number;
  onTime: number;
  rating: number | null;
  rated: number;
  rejected: number;
}

export interface PeriodCount {
  period: string;
  n: number;
}

export interface ExecutorInfo {
  userId: string;
  name: string;
  departmentId: string | null;
  departmentRu: string | null;
  departmentEn: string | null;
}

const COUNTS = `count(*)::int AS n,
  count(*) FILTER (WHERE c.registered)::int AS registered,
  count(*) FILTER (WHERE c.closed)::int AS answered,
  count(*) FILTER (WHERE c.overdue_now)::int AS "overdueNow",
  count(*) FILTER (WHERE c.late)::int AS late,
  count(*) FILTER (WHERE c.on_time)::int AS "onTime",
  avg(c.rating)::float8 AS rating,
  count(c.rating)::int AS rated,
  count(*) FILTER (WHERE c.rejected)::int AS rejected`;

/** The per-case columns the counts read, computed once per row. */
const caseColumns = (today: string) => `a.registered_at IS NOT NULL AS registered,
  a.closed_at IS NOT NULL AS closed,
  ${OVERDUE_NOW_SQL(today)} AS overdue_now,
  ${LATE_SQL} AS late,
  ${ON_TIME_SQL} AS on_time,
  a.rating,
  a.rejected_at IS NOT NULL AS rejected`;

export const dashboardRepo = {
  /**
   * One pass over the slice's cases, aggregated by grouping sets: per period of receipt, category,
   * theme, district, executor, tenth of a day to answer, and in total.
   */
  async groups(sql: Sql, municipalityId: string, s: Slice, period: Period): Promise<GroupRow[]> {
    const p = new Params();
    const where = sliceWhere(p, municipalityId, s);
    const today = p.add(s.today);
    const unit = p.add(period);
    return sql.query<GroupRow>(
      `SELECT CASE WHEN GROUPING(c.p) = 0 THEN 'period' WHEN GROUPING(c.category) = 0 THEN 'category'
          WHEN GROUPING(c.theme) = 0 THEN 'theme' WHEN GROUPING(c.district) = 0 THEN 'district'
          WHEN GROUPING(c.executor) = 0 THEN 'executor' WHEN GROUPING(c.d10) = 0 THEN 'days' ELSE 'total' END AS dim,
        coalesce(c.p, c.category, c.theme, c.district, c.executor, c.d10::text) AS key,
        ${COUNTS}
      FROM (
        SELECT to_char(date_trunc(${unit}, a.received_at AT TIME ZONE ${TZ}), 'YYYY-MM-DD') AS p,
          a.category_code AS category, a.theme_code AS theme, nullif(a.form ->> 'district', '') AS district,
          ${EXECUTOR_SQL} AS executor,
          CASE WHEN a.closed_at IS NOT NULL THEN floor(${DAYS_SQL} * 10)::int END AS d10,
          ${caseColumns(today)}
        ${FROM_CASES}
        WHERE ${where}
      ) c
      GROUP BY GROUPING SETS ((c.p), (c.category), (c.theme), (c.district), (c.executor), (c.d10), ())`,
      p.values,
    );
  },

  /** Cases of the slice (all dimension filters) closed in each period of the range. */
  async answeredByPeriod(sql: Sql, municipalityId: string, s: Slice, period: Period): Promise<PeriodCount[]> {
    const p = new Params();
    const where = sliceWhere(p, municipalityId, s, false);
    const unit = p.add(period);
    return sql.query<PeriodCount>(
      `SELECT to_char(date_trunc(${unit}, a.closed_at AT TIME ZONE ${TZ}), 'YYYY-MM-DD') AS period, count(*)::int AS n
      ${FROM_CASES}
      WHERE ${where}
        AND a.closed_at >= (${p.add(s.from)}::date::timestamp AT TIME ZONE ${TZ})
        AND a.closed_at < ((${p.add(s.to)}::date + 1)::timestamp AT TIME ZONE ${TZ})
      GROUP BY 1 ORDER BY 1`,
      p.values,
    );
  },

  async departments(sql: Sql, municipalityId: string): Promise<{ id: string; ru: string; en: string }[]> {
    return sql.query(
      'SELECT id::text AS id, name_ru AS ru, name_en AS en FROM departments WHERE municipality_id = $1',
      [municipalityId],
    );
  },

  /** Names and departments of executors (users of the municipality). */
  async executors(sql: Sql, municipalityId: string, userIds: readonly string[]): Promise<ExecutorInfo[]> {
    if (!userIds.length) return [];
    return sql.query<ExecutorInfo>(
      `SELECT u.id::text AS "userId", u.display_name AS name, d.id::text AS "departmentId",
          d.name_ru AS "departmentRu", d.name_en AS "departmentEn"
        FROM users u
        LEFT JOIN memberships m ON m.municipality_id = $1 AND m.user_id = u.id
        LEFT JOIN positions ps ON ps.municipality_id = m.municipality_id AND ps.id = m.position_id
        LEFT JOIN departments d ON d.municipality_id = ps.municipality_id AND d.id = ps.department_id
        WHERE u.id = ANY($2::uuid[])`,
      [municipalityId, userIds],
    );
  },
};
