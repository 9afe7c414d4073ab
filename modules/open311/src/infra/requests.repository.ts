import type { Sql } from '@zemstvo/kernel';

/**
 * An appeal as Open311 shows it. Of the applicant only the names are read, and only to mask them
 * in a published text (152-FZ); they are never shown.
 */
export interface RequestRow {
  id: string;
  status: string;
  closedAt: Date | null;
  redirectedTo: string | null;
  categoryCode: string;
  instanceSlug: string;
  packageSlug: string;
  isPublic: boolean;
  receivedAt: Date;
  updatedAt: Date;
  /** The answer due date (`YYYY-MM-DD`), once the appeal is registered. */
  answerDue: string | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  description: string;
  /** The first link attachment (a `media_url` the client gave), if any. */
  mediaUrl: string | null;
  /** The applicant's names (requisites and name fields of the form), to mask in published text. */
  applicantNames: string[];
}

export interface RequestFilter {
  /** When given, only these appeals (public or not); the other filters still apply. */
  ids: readonly string[] | null;
  /** `<instance slug>.<category code>` pairs. */
  serviceCodes: readonly string[] | null;
  from: Date | null;
  to: Date | null;
  /** open | closed; null for both. */
  status: 'open' | 'closed' | null;
  /** Statuses that count as closed (see domain/statuses.ts). */
  closedStatuses: readonly string[];
  limit: number;
}

const COLS = `a.document_id AS id, a.status, a.closed_at AS "closedAt", a.redirected_to AS "redirectedTo",
  a.category_code AS "categoryCode", si.slug AS "instanceSlug", si.package_slug AS "packageSlug",
  a.is_public AS "isPublic", a.received_at AS "receivedAt", COALESCE(a.updated_at, d.updated_at) AS "updatedAt",
  to_char(a.answer_due, 'YYYY-MM-DD') AS "answerDue", a.lat, a.lon, a.address, d.body AS description,
  (SELECT at.url FROM attachments at
    WHERE at.municipality_id = a.municipality_id AND at.document_id = a.document_id AND at.kind = 'link' AND at.url IS NOT NULL
    ORDER BY at.created_at, at.id LIMIT 1) AS "mediaUrl",
  array_remove(ARRAY[a.applicant_name, a.form->>'last_name', a.form->>'first_name', a.form->>'patronymic', a.form->>'name'], NULL)
    AS "applicantNames"`;

/** Reads appeals for GeoReport v2; every query is bound to one municipality. */
export const open311RequestsRepo = {
  async find(sql: Sql, municipalityId: string, f: RequestFilter): Promise<RequestRow[]> {
    return sql.query<RequestRow>(
      `SELECT ${COLS}
       FROM appeals a
       JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
       JOIN service_instances si ON si.municipality_id = a.municipality_id AND si.id = a.service_instance_id
       WHERE a.municipality_id = $1
         AND (($2::uuid[] IS NULL AND a.is_public) OR a.document_id = ANY($2::uuid[]))
         AND ($3::text[] IS NULL OR si.slug || '.' || a.category_code = ANY($3::text[]))
         AND ($4::timestamptz IS NULL OR a.received_at >= $4)
         AND ($5::timestamptz IS NULL OR a.received_at <= $5)
         AND ($6::text IS NULL OR ($6 = 'closed') = (a.closed_at IS NOT NULL OR a.status = ANY($7::text[])))
       ORDER BY a.received_at DESC, a.document_id
       LIMIT $8`,
      [municipalityId, f.ids, f.serviceCodes, f.from, f.to, f.status, f.closedStatuses, f.limit],
    );
  },
};
