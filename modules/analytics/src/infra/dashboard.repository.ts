import type { Sql } from '@zemstvo/kernel';
import type { Slice } from '../domain/filters.ts';
import {
  DAYS_SQL,
  EXECUTOR_SQL,
  fromCases,
  OVERDUE_NOW_SQL,
  Params,
  sliceWhere,
  TZ,
} from './slice.repository.ts';

export type Dimension = 'day' | 'category' | 'theme' | 'district' | 'executor' | 'days' | 'total';

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

/** Bits of a case's state: the dashboard groups by them instead of evaluating a filter per count. */
export const STATE = { registered: 1, closed: 2, overdueNow: 4, late: 8, onTime: 16, rejected: 32 } as const;

/** The state code of a case; the local day of closing is computed once, for closed cases only. */
const stateSql = (
  today: string,
) => `((a.registered_at IS NOT NULL)::int + (a.rejected_at IS NOT NULL)::int * 32
  + CASE WHEN a.closed_at IS NULL THEN (${OVERDUE_NOW_SQL(today)})::int * 4
    WHEN a.answer_due IS NULL THEN 2
    WHEN (a.closed_at AT TIME ZONE ${TZ})::date > a.answer_due THEN 2 + 8
    ELSE 2 + 16 END)`;

/** Cases of one group in one state, with their ratings. */
export interface StateRow {
  dim: Dimension;
  key: string | null;
  st: number | null;
  n: number;
  ratingSum: number | null;
  rated: number;
}

export const dashboardRepo = {
  /**
   * One pass over the slice's cases, aggregated by grouping sets: per local day of receipt,
   * category, theme, district, executor (each with the case state), tenth of a day to answer, and
   * per state in total. Keys are cheap per row (a date, codes, a small int) and there are only
   * three aggregates, so the pass costs little more than the scan; the counts, periods and
   * percentiles are derived from the groups in code.
   */
  async groups(sql: Sql, municipalityId: string, s: Slice): Promise<StateRow[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const where = sliceWhere(p, m, s);
    const today = p.add(s.today);
    // Hash every grouping set in one pass (the planner would otherwise sort the rows once per set).
    await sql.query(`SELECT set_config('enable_sort', 'off', true), set_config('work_mem', '64MB', true)`);
    const rows = await sql.query<StateRow>(
      `SELECT CASE WHEN GROUPING(c.day) = 0 THEN 'day' WHEN GROUPING(c.category) = 0 THEN 'category'
          WHEN GROUPING(c.theme) = 0 THEN 'theme' WHEN GROUPING(c.district) = 0 THEN 'district'
          WHEN GROUPING(c.executor) = 0 THEN 'executor' WHEN GROUPING(c.d10) = 0 THEN 'days' ELSE 'total' END AS dim,
        coalesce(c.day::text, c.category, c.theme, c.district, c.executor, c.d10::text) AS key,
        CASE WHEN GROUPING(c.st) = 0 THEN c.st END AS st,
        count(*)::int AS n, sum(c.rating)::float8 AS "ratingSum", count(c.rating)::int AS rated
      FROM (
        SELECT (a.received_at AT TIME ZONE ${TZ})::date AS day,
          a.category_code AS category, a.theme_code AS theme, nullif(a.form ->> 'district', '') AS district,
          ${EXECUTOR_SQL} AS executor,
          CASE WHEN a.closed_at IS NOT NULL THEN floor(${DAYS_SQL} * 10)::int END AS d10,
          ${stateSql(today)} AS st, a.rating
        ${fromCases(m)}
        WHERE ${where}
      ) c
      GROUP BY GROUPING SETS ((c.day, c.st), (c.category, c.st), (c.theme, c.st), (c.district, c.st),
        (c.executor, c.st), (c.d10), (c.st))`,
      p.values,
    );
    await sql.query(`SELECT set_config('enable_sort', 'on', true)`);
    return rows;
  },

  /** Cases of the slice (all dimension filters) closed on each local day of the range. */
  async answeredByDay(sql: Sql, municipalityId: string, s: Slice): Promise<PeriodCount[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const where = sliceWhere(p, m, s, false);
    return sql.query<PeriodCount>(
      `SELECT (a.closed_at AT TIME ZONE ${TZ})::date::text AS period, count(*)::int AS n
      ${fromCases(m)}
      WHERE ${where}
        AND a.closed_at >= (${p.add(s.from)}::date::timestamp AT TIME ZONE ${TZ})
        AND a.closed_at < ((${p.add(s.to)}::date + 1)::timestamp AT TIME ZONE ${TZ})
      GROUP BY 1`,
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
