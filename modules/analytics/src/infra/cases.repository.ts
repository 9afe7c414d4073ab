import type { Sql } from '@zemstvo/kernel';
import type { Bucket, Slice } from '../domain/filters.ts';
import {
  DAYS_SQL,
  EXECUTOR_SQL,
  fromCases,
  LATE_SQL,
  ON_TIME_SQL,
  OVERDUE_NOW_SQL,
  Params,
  sliceWhere,
} from './slice.repository.ts';

export interface CaseRow {
  id: string;
  regNumber: string | null;
  receivedAt: Date;
  category: string;
  theme: string | null;
  district: string | null;
  status: string;
  answerDue: string | null;
  closedAt: Date | null;
  executor: string | null;
  executorName: string | null;
  rating: number | null;
}

export interface CaseSlice extends Slice {
  bucket: Bucket;
  /** Answer time in days, [minDays, maxDays): the histogram's bars. */
  minDays: number | null;
  maxDays: number | null;
}

function caseWhere(p: Params, m: string, s: CaseSlice): string {
  const where = [sliceWhere(p, m, s)];
  const bucket: Record<Bucket, (() => string) | null> = {
    all: null,
    open: () => 'a.closed_at IS NULL',
    // Lazily: a parameter is added only when the bucket uses it.
    overdue: () => OVERDUE_NOW_SQL(p.add(s.today)),
    answered: () => 'a.closed_at IS NOT NULL',
    on_time: () => ON_TIME_SQL(`${p.add(s.timeZone)}::text`),
    late: () => LATE_SQL(`${p.add(s.timeZone)}::text`),
    rejected: () => 'a.rejected_at IS NOT NULL',
    rated: () => 'a.rating IS NOT NULL',
  };
  const b = bucket[s.bucket];
  if (b) where.push(b());
  if (s.minDays !== null)
    where.push(`a.closed_at IS NOT NULL AND ${DAYS_SQL} >= ${p.add(s.minDays)}::float8`);
  if (s.maxDays !== null) where.push(`a.closed_at IS NOT NULL AND ${DAYS_SQL} < ${p.add(s.maxDays)}::float8`);
  return where.join(' AND ');
}

export const casesRepo = {
  async count(sql: Sql, municipalityId: string, s: CaseSlice): Promise<number> {
    const p = new Params();
    const m = p.add(municipalityId);
    const rows = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n ${fromCases(m)} WHERE ${caseWhere(p, m, s)}`,
      p.values,
    );
    return rows[0]?.n ?? 0;
  },

  /** A page of the slice's cases, newest first. */
  async page(
    sql: Sql,
    municipalityId: string,
    s: CaseSlice,
    limit: number,
    offset: number,
  ): Promise<CaseRow[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const where = caseWhere(p, m, s);
    return sql.query<CaseRow>(
      `SELECT a.document_id::text AS id, d.reg_number AS "regNumber", a.received_at AS "receivedAt",
          a.category_code AS category, a.theme_code AS theme, nullif(a.form ->> 'district', '') AS district,
          a.status, a.answer_due::text AS "answerDue", a.closed_at AS "closedAt",
          ${EXECUTOR_SQL} AS executor, u.display_name AS "executorName", a.rating
        ${fromCases(m)}
        JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
        LEFT JOIN users u ON u.id = e.executor_user_id
        WHERE ${where}
        ORDER BY a.received_at DESC, a.document_id
        LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
  },
};
