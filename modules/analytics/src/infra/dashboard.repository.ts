import type { Sql } from '@zemstvo/kernel';
import type { Slice } from '../domain/filters.ts';
import { Params } from './slice.repository.ts';
import { SUMMARY_EXECUTOR_SQL, summaryWhere } from './summary.repository.ts';

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
   * One pass over the slice's per-day summaries (analytics_days: appeals counted per local day of
   * receipt, key and state), aggregated by grouping sets: per day, category, theme, district,
   * executor (each with the case state), tenth of a day to answer, and per state in total. Open
   * cases are overdue now from their overdue_from day on. The counts, periods and percentiles are
   * derived from the groups in code.
   */
  async groups(sql: Sql, municipalityId: string, s: Slice): Promise<StateRow[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const where = summaryWhere(p, m, s);
    const today = p.add(s.today);
    // Hash every grouping set in one pass (the planner would otherwise sort the rows once per set).
    await sql.query(`SELECT set_config('enable_sort', 'off', true), set_config('work_mem', '64MB', true)`);
    const rows = await sql.query<StateRow>(
      `SELECT CASE WHEN GROUPING(c.day) = 0 THEN 'day' WHEN GROUPING(c.category) = 0 THEN 'category'
          WHEN GROUPING(c.theme) = 0 THEN 'theme' WHEN GROUPING(c.district) = 0 THEN 'district'
          WHEN GROUPING(c.executor) = 0 THEN 'executor' WHEN GROUPING(c.d10) = 0 THEN 'days' ELSE 'total' END AS dim,
        coalesce(c.day::text, c.category, c.theme, c.district, c.executor, c.d10::text) AS key,
        CASE WHEN GROUPING(c.st) = 0 THEN c.st END AS st,
        sum(c.n)::int AS n, sum(c.rating_sum)::float8 AS "ratingSum", sum(c.rated)::int AS rated
      FROM (
        SELECT d.day, d.category, d.theme, d.district, ${SUMMARY_EXECUTOR_SQL} AS executor, d.d10,
          d.st + CASE WHEN d.overdue_from <= ${today}::date THEN ${STATE.overdueNow} ELSE 0 END AS st,
          d.n, d.rating_sum, d.rated
        FROM analytics_days d
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
    const where = summaryWhere(p, m, s, false);
    return sql.query<PeriodCount>(
      `SELECT d.closed_day::text AS period, sum(d.n)::int AS n
      FROM analytics_days d
      WHERE ${where} AND d.closed_day BETWEEN ${p.add(s.from)}::date AND ${p.add(s.to)}::date
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
