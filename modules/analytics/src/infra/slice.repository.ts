import type { Slice } from '../domain/filters.ts';

/**
 * The instant a local day starts: `date` and `tz` are SQL expressions (placeholders, or a column
 * such as the municipality's `timezone`). Days are the municipality's own local days.
 */
export const dayStartSql = (date: string, tz: string): string =>
  `(${date}::date::timestamp AT TIME ZONE ${tz})`;
/** The instant the local day after `date` starts (the exclusive end of a range ending on `date`). */
export const dayEndSql = (date: string, tz: string): string =>
  `((${date}::date + 1)::timestamp AT TIME ZONE ${tz})`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/** The responsible executor of a case: the user of its resolution, else the organisation named at intake/import. */
export const EXECUTOR_SQL = `coalesce(e.executor_user_id::text, nullif(a.form ->> 'executor_org', ''))`;

/**
 * Appeals with their responsible executor (`e.executor_user_id`): the latest responsible, not
 * cancelled assignment, as search indexes it. Assignments are few next to appeals (imported cases
 * have none), so the join builds a small hash table. `m` is the municipality's placeholder.
 */
export const fromCases = (m: string) => `FROM appeals a
  LEFT JOIN (
    SELECT DISTINCT ON (s.document_id) s.document_id, s.executor_user_id FROM assignments s
    WHERE s.municipality_id = ${m} AND s.role = 'responsible' AND s.status <> 'cancelled'
    ORDER BY s.document_id, s.created_at DESC
  ) e ON e.document_id = a.document_id`;

/** Overdue right now: open, and past the registration due (not registered) or the answer or notice due. */
export const OVERDUE_NOW_SQL = (today: string) => `(a.closed_at IS NULL AND CASE WHEN a.registered_at IS NULL
  THEN a.registration_due < ${today}::date
  ELSE coalesce(a.answer_due < ${today}::date, false) OR coalesce(a.notice_due < ${today}::date, false) END)`;

/** Answered after the answer due date (local day of closing in the zone `tz` > due). */
export const LATE_SQL = (tz: string): string =>
  `(a.closed_at IS NOT NULL AND a.answer_due IS NOT NULL AND (a.closed_at AT TIME ZONE ${tz})::date > a.answer_due)`;
export const ON_TIME_SQL = (tz: string): string =>
  `(a.closed_at IS NOT NULL AND a.answer_due IS NOT NULL AND (a.closed_at AT TIME ZONE ${tz})::date <= a.answer_due)`;
/** Days from receipt to the answer (fractional), for closed cases. */
export const DAYS_SQL = `(date_part('epoch', a.closed_at - a.received_at) / 86400::float8)`;

/**
 * Cases of a department: its staff are the responsible executors, or (imported cases without a
 * resolution) the import named it as the executor organisation's department.
 */
const departmentById = (
  d: string,
  dText: string,
) => `(e.executor_user_id IN (SELECT m.user_id FROM memberships m
    JOIN positions ps ON ps.municipality_id = m.municipality_id AND ps.id = m.position_id
    WHERE m.municipality_id = a.municipality_id AND ps.department_id = ${d}::uuid)
  OR (e.executor_user_id IS NULL AND a.form ->> 'executor_department_id' = ${dText}))`;

/** Collects parameters as `$n` placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * WHERE conditions of a slice on `appeals a` (and its executor `e`): the municipality (placeholder `m`), the
 * received range (local days), then each dimension filter. `dates: false` leaves the range out
 * (CityScore and the closed-in-period series choose their own).
 */
export function sliceWhere(p: Params, m: string, s: Slice, dates = true): string {
  const where = [`a.municipality_id = ${m}`];
  if (dates) {
    const tz = p.add(s.timeZone);
    where.push(`a.received_at >= ${dayStartSql(p.add(s.from), `${tz}::text`)}`);
    where.push(`a.received_at < ${dayEndSql(p.add(s.to), `${tz}::text`)}`);
  }
  if (s.category) where.push(`a.category_code = ${p.add(s.category)}`);
  if (s.theme) where.push(`a.theme_code = ${p.add(s.theme)}`);
  if (s.district) where.push(`a.form ->> 'district' = ${p.add(s.district)}`);
  if (s.service) where.push(`a.service_instance_id = ${p.add(s.service)}::uuid`);
  if (s.executor)
    where.push(
      isUuid(s.executor)
        ? `e.executor_user_id = ${p.add(s.executor)}::uuid`
        : `(e.executor_user_id IS NULL AND a.form ->> 'executor_org' = ${p.add(s.executor)})`,
    );
  if (s.department)
    where.push(
      isUuid(s.department)
        ? departmentById(p.add(s.department), p.add(s.department))
        : `(e.executor_user_id IS NULL AND a.form ->> 'executor_org' = ${p.add(s.department)})`,
    );
  return where.join(' AND ');
}
