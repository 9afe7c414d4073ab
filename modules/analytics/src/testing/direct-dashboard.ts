import type { Sql } from '@zemstvo/kernel';
import type { DashboardSource } from '../application/dashboard.ts';
import type { Slice } from '../domain/filters.ts';
import type { PeriodCount, StateRow } from '../infra/dashboard.repository.ts';
import {
  DAYS_SQL,
  EXECUTOR_SQL,
  fromCases,
  OVERDUE_NOW_SQL,
  Params,
  sliceWhere,
} from '../infra/slice.repository.ts';

/** The state code of a case, evaluated on the appeal itself. */
const stateSql = (
  today: string,
  tz: string,
) => `((a.registered_at IS NOT NULL)::int + (a.rejected_at IS NOT NULL)::int * 32
  + CASE WHEN a.closed_at IS NULL THEN (${OVERDUE_NOW_SQL(today)})::int * 4
    WHEN a.answer_due IS NULL THEN 2
    WHEN (a.closed_at AT TIME ZONE ${tz})::date > a.answer_due THEN 2 + 8
    ELSE 2 + 16 END)`;

/**
 * The dashboard's groups computed directly from appeals (the implementation before the per-day
 * summaries): tests compare the summary-based dashboard with it after a series of changes.
 */
export const directDashboardSource: DashboardSource = {
  async groups(sql: Sql, municipalityId: string, s: Slice): Promise<StateRow[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const where = sliceWhere(p, m, s);
    const today = p.add(s.today);
    const tz = `${p.add(s.timeZone)}::text`;
    return sql.query<StateRow>(
      `SELECT CASE WHEN GROUPING(c.day) = 0 THEN 'day' WHEN GROUPING(c.category) = 0 THEN 'category'
          WHEN GROUPING(c.theme) = 0 THEN 'theme' WHEN GROUPING(c.district) = 0 THEN 'district'
          WHEN GROUPING(c.executor) = 0 THEN 'executor' WHEN GROUPING(c.d10) = 0 THEN 'days' ELSE 'total' END AS dim,
        coalesce(c.day::text, c.category, c.theme, c.district, c.executor, c.d10::text) AS key,
        CASE WHEN GROUPING(c.st) = 0 THEN c.st END AS st,
        count(*)::int AS n, sum(c.rating)::float8 AS "ratingSum", count(c.rating)::int AS rated
      FROM (
        SELECT (a.received_at AT TIME ZONE ${tz})::date AS day,
          a.category_code AS category, a.theme_code AS theme, nullif(a.form ->> 'district', '') AS district,
          ${EXECUTOR_SQL} AS executor,
          CASE WHEN a.closed_at IS NOT NULL THEN floor(${DAYS_SQL} * 10)::int END AS d10,
          ${stateSql(today, tz)} AS st, a.rating
        ${fromCases(m)}
        WHERE ${where}
      ) c
      GROUP BY GROUPING SETS ((c.day, c.st), (c.category, c.st), (c.theme, c.st), (c.district, c.st),
        (c.executor, c.st), (c.d10), (c.st))`,
      p.values,
    );
  },

  async answeredByDay(sql: Sql, municipalityId: string, s: Slice): Promise<PeriodCount[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const where = sliceWhere(p, m, s, false);
    const tz = `${p.add(s.timeZone)}::text`;
    return sql.query<PeriodCount>(
      `SELECT (a.closed_at AT TIME ZONE ${tz})::date::text AS period, count(*)::int AS n
      ${fromCases(m)}
      WHERE ${where}
        AND a.closed_at >= (${p.add(s.from)}::date::timestamp AT TIME ZONE ${tz})
        AND a.closed_at < ((${p.add(s.to)}::date + 1)::timestamp AT TIME ZONE ${tz})
      GROUP BY 1`,
      p.values,
    );
  },
};
