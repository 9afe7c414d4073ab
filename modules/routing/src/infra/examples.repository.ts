import type { Sql } from '@zemstvo/kernel';

/** What the router reads of one appeal of the municipality, and the answers staff gave. */
export interface AppealExampleRow {
  id: string;
  text: string;
  district: string | null;
  cityObject: string | null;
  /** The municipal district inside the city (imported history). */
  municipality: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  receivedAt: Date;
  category: string | null;
  reason: string | null;
  executor: string | null;
}

const INPUT_COLUMNS = `a.document_id AS id, d.body AS text, nullif(a.form ->> 'district', '') AS district,
  nullif(coalesce(a.form ->> 'city_object', a.form ->> 'object'), '') AS "cityObject",
  nullif(a.form ->> 'municipal_district', '') AS municipality, a.address, a.lat, a.lon,
  a.received_at AS "receivedAt"`;

/** The latest answer staff gave to one head of the appeal `a` (a correction or an acceptance). */
const feedback = (head: string) =>
  `(SELECT f.chosen FROM routing_feedback f WHERE f.municipality_id = a.municipality_id AND f.appeal_id = a.document_id
     AND f.head = '${head}' ORDER BY f.created_at DESC, f.id LIMIT 1)`;

/** The executor the head actually assigned: the responsible one of the latest live assignment. */
const assignedExecutor = `(SELECT s.executor_user_id::text FROM assignments s
  WHERE s.municipality_id = a.municipality_id AND s.document_id = a.document_id AND s.role = 'responsible'
    AND s.status <> 'cancelled' ORDER BY s.created_at DESC, s.id LIMIT 1)`;

export const examplesRepo = {
  /**
   * The newest `limit` appeals of the municipality (duplicates left out), oldest first, with their
   * labels: category and theme as staff set them, overridden by the latest routing feedback;
   * the executor assigned by a resolution, else the one chosen in feedback, else an imported
   * `executor_org` of the form.
   */
  async trainingRows(sql: Sql, municipalityId: string, limit: number): Promise<AppealExampleRow[]> {
    return sql.query<AppealExampleRow>(
      `SELECT ${INPUT_COLUMNS},
         coalesce(${feedback('category')}, a.category_code) AS category,
         coalesce(${feedback('reason')}, a.theme_code) AS reason,
         coalesce(${assignedExecutor}, ${feedback('executor')}, nullif(a.form ->> 'executor_org', '')) AS executor
       FROM (SELECT * FROM appeals WHERE municipality_id = $1 AND duplicate_of IS NULL
             ORDER BY received_at DESC, document_id DESC LIMIT $2) a
       JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
       ORDER BY a.received_at, a.document_id`,
      [municipalityId, limit],
    );
  },

  /** One appeal of the municipality as the router reads it, with its current category, theme and executor. */
  async appeal(
    sql: Sql,
    municipalityId: string,
    id: string,
  ): Promise<(AppealExampleRow & { serviceInstanceId: string }) | null> {
    const rows = await sql.query<AppealExampleRow & { serviceInstanceId: string }>(
      `SELECT ${INPUT_COLUMNS}, a.service_instance_id AS "serviceInstanceId",
         a.category_code AS category, a.theme_code AS reason, ${assignedExecutor} AS executor
       FROM appeals a JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
       WHERE a.municipality_id = $1 AND a.document_id = $2`,
      [municipalityId, id],
    );
    return rows[0] ?? null;
  },

  /** Display names of the given users who are staff members of the municipality (others are left out). */
  async memberNames(sql: Sql, municipalityId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((i) => UUID.test(i));
    if (uuids.length === 0) return new Map();
    const rows = await sql.query<{ id: string; name: string }>(
      `SELECT u.id, u.display_name AS name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.municipality_id = $1 AND m.user_id = ANY($2::uuid[])`,
      [municipalityId, uuids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
