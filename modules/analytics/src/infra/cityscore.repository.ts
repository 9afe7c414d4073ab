import type { Sql } from '@zemstvo/kernel';
import { WINDOWS } from '../domain/cityscore.ts';
import {
  DAYS_SQL,
  dayEndSql,
  dayStartSql,
  fromCases,
  LATE_SQL,
  ON_TIME_SQL,
  Params,
} from './slice.repository.ts';

/** A department's (or, with key null and overall true, everyone's) answers in each window. */
export interface AnswerWindowsRow {
  key: string | null;
  overall: boolean;
  [column: string]: unknown;
}

export interface BacklogRow {
  key: string | null;
  overall: boolean;
  open: number;
  overdue: number;
}

/**
 * The department of a case: its responsible executor's; else the department the import made of its
 * executor organisation, else that organisation's name.
 */
const DEPARTMENT_SQL = `coalesce(ps.department_id::text,
  CASE WHEN e.executor_user_id IS NULL THEN coalesce(nullif(a.form ->> 'executor_department_id', ''),
    nullif(a.form ->> 'executor_org', '')) END)`;
const withDepartment = (m: string) => `${fromCases(m)}
  LEFT JOIN memberships mm ON mm.municipality_id = a.municipality_id AND mm.user_id = e.executor_user_id
  LEFT JOIN positions ps ON ps.municipality_id = mm.municipality_id AND ps.id = mm.position_id`;

export const cityscoreRepo = {
  /** Answers closed in each window ending on `date`, per department and overall. */
  async answers(
    sql: Sql,
    municipalityId: string,
    starts: readonly string[],
    date: string,
    timeZone: string,
  ): Promise<AnswerWindowsRow[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const tz = `${p.add(timeZone)}::text`;
    const first = p.add(starts[starts.length - 1]);
    const end = p.add(date);
    const cols = WINDOWS.map((w, i) => {
      const inW = `c.closed_day >= ${p.add(starts[i])}::date`;
      return `count(*) FILTER (WHERE ${inW} AND c.on_time)::int AS "${w.key}_on_time",
        count(*) FILTER (WHERE ${inW} AND (c.on_time OR c.late))::int AS "${w.key}_due",
        count(*) FILTER (WHERE ${inW})::int AS "${w.key}_closed",
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY c.days) FILTER (WHERE ${inW}))::float8 AS "${w.key}_median",
        avg(c.rating) FILTER (WHERE ${inW})::float8 AS "${w.key}_rating",
        count(c.rating) FILTER (WHERE ${inW})::int AS "${w.key}_rated"`;
    });
    return sql.query<AnswerWindowsRow>(
      `SELECT c.dept AS key, GROUPING(c.dept) = 1 AS overall, ${cols.join(',\n')}
        FROM (
          SELECT ${DEPARTMENT_SQL} AS dept, (a.closed_at AT TIME ZONE ${tz})::date AS closed_day,
            ${ON_TIME_SQL(tz)} AS on_time, ${LATE_SQL(tz)} AS late, ${DAYS_SQL} AS days, a.rating
          ${withDepartment(m)}
          WHERE a.municipality_id = ${m} AND a.closed_at >= ${dayStartSql(first, tz)}
            AND a.closed_at < ${dayEndSql(end, tz)}
        ) c
        GROUP BY GROUPING SETS ((c.dept), ())`,
      p.values,
    );
  },

  /** Cases open at the end of `date` and those of them past due, per department and overall. */
  async backlog(sql: Sql, municipalityId: string, date: string, timeZone: string): Promise<BacklogRow[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const end = dayEndSql(p.add(date), `${p.add(timeZone)}::text`);
    const d = p.add(date);
    const cols = `${DEPARTMENT_SQL} AS dept, coalesce(CASE WHEN a.registered_at IS NOT NULL AND a.registered_at < ${end}
        THEN a.answer_due ELSE a.registration_due END < ${d}::date, false) AS overdue`;
    return sql.query<BacklogRow>(
      `SELECT c.dept AS key, GROUPING(c.dept) = 1 AS overall, count(*)::int AS open,
          count(*) FILTER (WHERE c.overdue)::int AS overdue
        FROM (
          SELECT ${cols} ${withDepartment(m)}
            WHERE a.municipality_id = ${m} AND a.closed_at IS NULL AND a.received_at < ${end}
          UNION ALL
          SELECT ${cols} ${withDepartment(m)}
            WHERE a.municipality_id = ${m} AND a.closed_at >= ${end} AND a.received_at < ${end}
        ) c
        GROUP BY GROUPING SETS ((c.dept), ())`,
      p.values,
    );
  },

  async departmentNames(sql: Sql, municipalityId: string): Promise<{ id: string; ru: string; en: string }[]> {
    return sql.query(
      'SELECT id::text AS id, name_ru AS ru, name_en AS en FROM departments WHERE municipality_id = $1',
      [municipalityId],
    );
  },
};
