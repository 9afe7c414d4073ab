import type { Sql } from '@zemstvo/kernel';

export interface SimilarRow {
  id: string;
  kind: string;
  title: string;
  regNumber: string | null;
  status: string;
  date: Date;
  score: number;
  textSimilarity: number;
}

export interface DuplicateRow {
  id: string;
  categoryCode: string;
  status: string;
  lat: number;
  lon: number;
  text: string;
  personNames: string[];
  date: Date;
  distanceMeters: number;
  similarity: number;
  supporters: number;
}

const EARTH_RADIUS_M = 6_371_000;

export const similarRepo = {
  async exists(sql: Sql, municipalityId: string, id: string): Promise<boolean> {
    const rows = await sql.query(
      'SELECT 1 FROM search_entries WHERE municipality_id = $1 AND document_id = $2',
      [municipalityId, id],
    );
    return rows.length > 0;
  },

  /**
   * The documents of the municipality closest to one: trigram similarity of the text's start,
   * blended with the rank of its main stems (any of them) in the full-text index.
   */
  async similar(sql: Sql, municipalityId: string, id: string, limit: number): Promise<SimilarRow[]> {
    return sql.query<SimilarRow>(
      `WITH src AS (
         SELECT e.sim_text, e.cfg,
           replace(plainto_tsquery('simple', (SELECT string_agg(l.lexeme, ' ') FROM (
             SELECT u.lexeme FROM unnest(e.tsv) u WHERE char_length(u.lexeme) >= 3 AND u.lexeme !~ '[0-9]'
             ORDER BY array_length(u.positions, 1) DESC NULLS LAST, u.lexeme LIMIT 24) l))::text, ' & ', ' | ') AS terms
         FROM search_entries e WHERE e.municipality_id = $1 AND e.document_id = $2
       ), q AS (SELECT src.*, CASE WHEN terms = '' THEN NULL ELSE terms::tsquery END AS tq FROM src),
       cand AS (
         SELECT e.document_id, e.kind, e.title, e.reg_number, e.status, e.doc_date,
           similarity(e.sim_text, q.sim_text) AS sim, coalesce(ts_rank(e.tsv, q.tq, 1), 0) AS rank
         FROM search_entries e, q
         WHERE e.municipality_id = $1 AND e.document_id <> $2 AND (e.sim_text % q.sim_text OR e.tsv @@ q.tq)
       )
       SELECT document_id AS id, kind, title, reg_number AS "regNumber", status, doc_date AS date,
         round((0.6 * sim + 0.4 * least(rank * 4, 1))::numeric, 4)::float8 AS score, round(sim::numeric, 4)::float8 AS "textSimilarity"
       FROM cand ORDER BY score DESC, doc_date DESC, document_id LIMIT $3`,
      [municipalityId, id, limit],
    );
  },

  /**
   * Open public reports of the same category within a radius: a bounding box on the indexed
   * lat/lon first, then the haversine distance; with the trigram similarity of their texts.
   */
  async nearbyReports(
    sql: Sql,
    municipalityId: string,
    p: {
      instanceIds: readonly string[];
      category: string;
      lat: number;
      lon: number;
      radiusMeters: number;
      text: string;
      limit: number;
    },
  ): Promise<DuplicateRow[]> {
    const dLat = (p.radiusMeters / EARTH_RADIUS_M) * (180 / Math.PI);
    const dLon = dLat / Math.max(Math.cos((p.lat * Math.PI) / 180), 0.01);
    return sql.query<DuplicateRow>(
      `SELECT * FROM (
         SELECT e.document_id AS id, e.category_code AS "categoryCode", e.status, e.lat, e.lon, e.body AS text,
           e.person_names AS "personNames", e.doc_date AS date,
           (2 * ${EARTH_RADIUS_M} * asin(sqrt(
             power(sin(radians(e.lat - $4) / 2), 2) + cos(radians($4)) * cos(radians(e.lat)) * power(sin(radians(e.lon - $5) / 2), 2)
           )))::float8 AS "distanceMeters",
           round(similarity(e.sim_text, lower($7))::numeric, 4)::float8 AS similarity,
           (SELECT count(*)::int FROM report_supporters s WHERE s.municipality_id = e.municipality_id AND s.appeal_id = e.document_id) AS supporters
         FROM search_entries e
         WHERE e.municipality_id = $1 AND e.is_public_report AND NOT e.closed AND e.category_code = $3
           AND e.service_instance_id = ANY($2::uuid[])
           AND e.lat BETWEEN $4 - $8 AND $4 + $8 AND e.lon BETWEEN $5 - $9 AND $5 + $9
       ) x WHERE x."distanceMeters" <= $6
       ORDER BY (1 - x."distanceMeters" / greatest($6, 1)) * 0.5 + x.similarity * 0.5 DESC, x.date DESC LIMIT $10`,
      [
        municipalityId,
        [...p.instanceIds],
        p.category,
        p.lat,
        p.lon,
        p.radiusMeters,
        p.text,
        dLat,
        dLon,
        p.limit,
      ],
    );
  },

  async addSupporter(
    sql: Sql,
    municipalityId: string,
    appealId: string,
    userId: string,
    at: Date,
  ): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO report_supporters (municipality_id, appeal_id, user_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [municipalityId, appealId, userId, at],
    );
    return rows.length > 0;
  },

  async removeSupporter(
    sql: Sql,
    municipalityId: string,
    appealId: string,
    userId: string,
  ): Promise<boolean> {
    const rows = await sql.query(
      'DELETE FROM report_supporters WHERE municipality_id = $1 AND appeal_id = $2 AND user_id = $3 RETURNING 1',
      [municipalityId, appealId, userId],
    );
    return rows.length > 0;
  },

  async supporters(sql: Sql, municipalityId: string, appealId: string, userId: string | null) {
    const [row] = await sql.query<{ count: number; mine: boolean }>(
      `SELECT count(*)::int AS count, coalesce(bool_or(user_id = $3::uuid), false) AS mine
       FROM report_supporters WHERE municipality_id = $1 AND appeal_id = $2`,
      [municipalityId, appealId, userId],
    );
    return { count: row?.count ?? 0, supportedByMe: row?.mine ?? false };
  },

  /** A public report anyone may see (public package instance, registered, public, no Art. 11 ground). */
  async isPublicReport(
    sql: Sql,
    municipalityId: string,
    id: string,
    instanceIds: readonly string[],
  ): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM search_entries WHERE municipality_id = $1 AND document_id = $2 AND is_public_report
         AND service_instance_id = ANY($3::uuid[])`,
      [municipalityId, id, [...instanceIds]],
    );
    return rows.length > 0;
  },
};
