import type { Slice } from '../domain/filters.ts';
import { isUuid, type Params } from './slice.repository.ts';

/**
 * The per-day summaries `analytics_days d` (migration 0002): appeals counted per local day of
 * receipt and analytic key, kept by triggers in the transaction of every change.
 */

/** The executor key of a summary row, as EXECUTOR_SQL gives it for an appeal. */
export const SUMMARY_EXECUTOR_SQL = `coalesce(d.executor_user::text, d.executor_org)`;

/**
 * WHERE conditions of a slice on `analytics_days d`, the same cases as sliceWhere selects from
 * appeals: the municipality (placeholder `m`), the local days of receipt, then each dimension
 * filter. `dates: false` leaves the days of receipt out.
 */
export function summaryWhere(p: Params, m: string, s: Slice, dates = true): string {
  const where = [`d.municipality_id = ${m}`];
  if (dates) where.push(`d.day BETWEEN ${p.add(s.from)}::date AND ${p.add(s.to)}::date`);
  if (s.category) where.push(`d.category = ${p.add(s.category)}`);
  if (s.theme) where.push(`d.theme = ${p.add(s.theme)}`);
  if (s.district) where.push(`d.district = ${p.add(s.district)}`);
  if (s.service) where.push(`d.service_instance_id = ${p.add(s.service)}::uuid`);
  if (s.executor)
    where.push(
      isUuid(s.executor)
        ? `d.executor_user = ${p.add(s.executor)}::uuid`
        : `(d.executor_user IS NULL AND d.executor_org = ${p.add(s.executor)})`,
    );
  if (s.department)
    where.push(
      isUuid(s.department)
        ? `(d.executor_user IN (SELECT m.user_id FROM memberships m
            JOIN positions ps ON ps.municipality_id = m.municipality_id AND ps.id = m.position_id
            WHERE m.municipality_id = d.municipality_id AND ps.department_id = ${p.add(s.department)}::uuid)
          OR (d.executor_user IS NULL AND d.executor_department = ${p.add(s.department)}))`
        : `(d.executor_user IS NULL AND d.executor_org = ${p.add(s.department)})`,
    );
  return where.join(' AND ');
}
