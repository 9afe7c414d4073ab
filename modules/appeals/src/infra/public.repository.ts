import type { Sql } from '@zemstvo/kernel';
import type { AppealStage, AppealStatus } from '../domain/statuses.ts';

export interface ResidentAppealRow {
  id: string;
  municipality: string;
  municipalityName: { ru: string; en: string };
  service: string;
  serviceName: { ru: string; en: string };
  packageSlug: string;
  categoryCode: string;
  themeCode: string | null;
  status: AppealStatus;
  stage: AppealStage;
  regNumber: string | null;
  regDate: Date | null;
  text: string;
  address: string | null;
  receivedAt: Date;
  registrationDue: string;
  answerDue: string | null;
  extensions: number;
  redirectedTo: string | null;
  specialHandling: string | null;
  closedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  rejectedAt: Date | null;
  answers: { id: string; kind: string; regNumber: string | null; regDate: string | null; title: string }[];
}

export interface ReportRow {
  id: string;
  service: string;
  packageSlug: string;
  categoryCode: string;
  themeCode: string | null;
  status: AppealStatus;
  lat: number | null;
  lon: number | null;
  text: string;
  receivedAt: Date;
  applicantName: string | null;
  form: Record<string, unknown>;
}

export interface ReportFilter {
  instanceIds: readonly string[];
  /** One report by id. */
  id?: string | undefined;
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number } | undefined;
  statuses?: readonly string[] | undefined;
  category?: string | undefined;
  limit: number;
  offset: number;
}

const RESIDENT_COLS = `a.document_id AS id, m.slug AS municipality, json_build_object('ru', m.name_ru, 'en', m.name_en) AS "municipalityName",
  si.slug AS service, json_build_object('ru', si.name_ru, 'en', si.name_en) AS "serviceName", si.package_slug AS "packageSlug",
  a.category_code AS "categoryCode", a.theme_code AS "themeCode", a.status, a.stage, d.reg_number AS "regNumber", d.reg_date AS "regDate",
  d.body AS text, a.address, a.received_at AS "receivedAt", to_char(a.registration_due, 'YYYY-MM-DD') AS "registrationDue",
  to_char(a.answer_due, 'YYYY-MM-DD') AS "answerDue", a.extensions, a.redirected_to AS "redirectedTo",
  a.special_handling AS "specialHandling", a.closed_at AS "closedAt", a.rating, a.rating_comment AS "ratingComment",
  a.rejected_at AS "rejectedAt",
  (SELECT coalesce(json_agg(json_build_object('id', x.id, 'kind', x.kind, 'regNumber', x.reg_number,
      'regDate', to_char(x.reg_date, 'YYYY-MM-DD'), 'title', x.title) ORDER BY x.reg_date), '[]'::json)
    FROM documents x WHERE x.municipality_id = a.municipality_id AND x.parent_id = a.document_id
      AND x.direction = 'outgoing' AND x.status = 'dispatched') AS answers`;

const RESIDENT_FROM = `FROM appeals a
  JOIN municipalities m ON m.id = a.municipality_id
  JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
  JOIN service_instances si ON si.municipality_id = a.municipality_id AND si.id = a.service_instance_id`;

/** What residents and the public read: their own appeals, and the public map of reports. */
export const publicRepo = {
  /** The resident's own appeals in every municipality, newest first. */
  async residentAppeals(
    sql: Sql,
    userId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: ResidentAppealRow[]; total: number }> {
    const items = await sql.query<ResidentAppealRow>(
      `SELECT ${RESIDENT_COLS} ${RESIDENT_FROM} WHERE a.applicant_user_id = $1
       ORDER BY a.received_at DESC, a.document_id DESC LIMIT $2 OFFSET $3`,
      [userId, limit, offset],
    );
    const [count] = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM appeals WHERE applicant_user_id = $1',
      [userId],
    );
    return { items, total: count?.n ?? 0 };
  },

  async residentAppeal(
    sql: Sql,
    userId: string,
    municipalityId: string,
    id: string,
  ): Promise<ResidentAppealRow | undefined> {
    const rows = await sql.query<ResidentAppealRow>(
      `SELECT ${RESIDENT_COLS} ${RESIDENT_FROM} WHERE a.applicant_user_id = $1 AND a.municipality_id = $2 AND a.document_id = $3`,
      [userId, municipalityId, id],
    );
    return rows[0];
  },

  /**
   * Reports shown on the public map: public, of a public package, registered (the registrar has
   * seen them), without an Art. 11 ground (no abusive text on the map).
   */
  async reports(
    sql: Sql,
    municipalityId: string,
    f: ReportFilter,
  ): Promise<{ items: ReportRow[]; total: number }> {
    const params: unknown[] = [municipalityId, [...f.instanceIds]];
    const conds = [
      'a.municipality_id = $1',
      'a.service_instance_id = ANY($2::uuid[])',
      'a.is_public',
      'a.registered_at IS NOT NULL',
      'a.special_handling IS NULL',
    ];
    const add = (cond: (p: string) => string, v: unknown) => {
      params.push(v);
      conds.push(cond(`$${params.length}`));
    };
    if (f.id) add((p) => `a.document_id = ${p}::uuid`, f.id);
    if (f.bbox) {
      add((p) => `a.lon >= ${p}`, f.bbox.minLon);
      add((p) => `a.lon <= ${p}`, f.bbox.maxLon);
      add((p) => `a.lat >= ${p}`, f.bbox.minLat);
      add((p) => `a.lat <= ${p}`, f.bbox.maxLat);
    }
    if (f.statuses?.length) add((p) => `a.status = ANY(${p}::text[])`, [...f.statuses]);
    if (f.category) add((p) => `a.category_code = ${p}`, f.category);
    const whereSql = conds.join(' AND ');
    const n = params.length;
    const items = await sql.query<ReportRow>(
      `SELECT a.document_id AS id, si.slug AS service, si.package_slug AS "packageSlug", a.category_code AS "categoryCode",
         a.theme_code AS "themeCode", a.status, a.lat, a.lon, d.body AS text, a.received_at AS "receivedAt",
         a.applicant_name AS "applicantName", a.form
       FROM appeals a
       JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
       JOIN service_instances si ON si.municipality_id = a.municipality_id AND si.id = a.service_instance_id
       WHERE ${whereSql} ORDER BY a.received_at DESC, a.document_id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, f.limit, f.offset],
    );
    const [count] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appeals a WHERE ${whereSql}`,
      params,
    );
    return { items, total: count?.n ?? 0 };
  },
};
