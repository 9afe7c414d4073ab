import type { Sql } from '@zemstvo/kernel';

/**
 * Bulk writes of an appeals import: one multi-row statement per table and batch (rows travel as
 * one JSON array and are expanded by `jsonb_to_recordset`), so a batch of hundreds of appeals is a
 * handful of round trips. The rows are complete: the import never updates what it inserts, so the
 * search triggers run once per row.
 */
export interface ImportDocumentRow {
  id: string;
  direction: 'incoming' | 'outgoing';
  kind: string;
  status: string;
  journal_id: string | null;
  reg_number: string | null;
  reg_date: string | null;
  title: string;
  body: string;
  author_org: string | null;
  source_channel: string;
  parent_id: string | null;
  service_instance_id: string;
  external_ref: string | null;
  due_date: string | null;
  created_at: string;
}

export interface ImportAppealRow {
  document_id: string;
  service_instance_id: string;
  category_code: string;
  theme_code: string | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  is_public: boolean;
  status: string;
  stage: string;
  received_at: string;
  registered_at: string | null;
  registration_due: string;
  answer_due: string | null;
  deadline_rule: string;
  deadline_rule_version: number;
  closed_at: string | null;
  rating: number | null;
  rejected_at: string | null;
  answer_document_id: string | null;
  form: Record<string, unknown>;
  source_channel: string;
  idempotency_key: string;
  search_text: string;
}

export interface ImportEventRow {
  document_id: string;
  at: string;
  actor_label: string;
  type: string;
  data: Record<string, unknown>;
}

export const importRepo = {
  /** Which of these idempotency keys already have an appeal in the municipality. */
  async existingKeys(sql: Sql, municipalityId: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await sql.query<{ k: string }>(
      `SELECT idempotency_key AS k FROM appeals WHERE municipality_id = $1 AND idempotency_key = ANY($2::text[])`,
      [municipalityId, keys],
    );
    return new Set(rows.map((r) => r.k));
  },

  /**
   * Reserves `n` consecutive numbers of a journal's counter for a year and returns the first; the
   * counter row's lock serializes this with ordinary registrations.
   */
  async reserveNumbers(
    sql: Sql,
    municipalityId: string,
    journalId: string,
    year: number,
    n: number,
  ): Promise<number> {
    const [row] = await sql.query<{ v: number }>(
      `INSERT INTO doc_journal_counters (municipality_id, journal_id, year, last_value) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, journal_id, year) DO UPDATE SET last_value = doc_journal_counters.last_value + $4
       RETURNING last_value AS v`,
      [municipalityId, journalId, year, n],
    );
    return row!.v - n + 1;
  },

  async insertDocuments(sql: Sql, municipalityId: string, rows: readonly ImportDocumentRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO documents (municipality_id, id, direction, kind, status, journal_id, reg_number, reg_date, title, body,
         author_org, source_channel, parent_id, service_instance_id, external_ref, due_date, created_at, updated_at)
       SELECT $1, r.id, r.direction, r.kind, r.status, r.journal_id, r.reg_number, r.reg_date, r.title, r.body,
         r.author_org, r.source_channel, r.parent_id, r.service_instance_id, r.external_ref, r.due_date, r.created_at, r.created_at
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, direction text, kind text, status text, journal_id uuid, reg_number text,
         reg_date timestamptz, title text, body text, author_org text, source_channel text, parent_id uuid,
         service_instance_id uuid, external_ref text, due_date date, created_at timestamptz)`,
      [municipalityId, JSON.stringify(rows)],
    );
  },

  async insertAppeals(sql: Sql, municipalityId: string, rows: readonly ImportAppealRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, theme_code, lat, lon, address,
         is_public, status, stage, received_at, registered_at, registration_due, answer_due, deadline_rule,
         deadline_rule_version, closed_at, rating, rejected_at, answer_document_id, form, source_channel,
         idempotency_key, search_text, updated_at)
       SELECT $1, r.document_id, r.service_instance_id, r.category_code, r.theme_code, r.lat, r.lon, r.address,
         r.is_public, r.status, r.stage, r.received_at, r.registered_at, r.registration_due, r.answer_due, r.deadline_rule,
         r.deadline_rule_version, r.closed_at, r.rating, r.rejected_at, r.answer_document_id, r.form, r.source_channel,
         r.idempotency_key, r.search_text, coalesce(r.closed_at, r.registered_at, r.received_at)
       FROM jsonb_to_recordset($2::jsonb) AS r(document_id uuid, service_instance_id uuid, category_code text,
         theme_code text, lat double precision, lon double precision, address text, is_public boolean, status text,
         stage text, received_at timestamptz, registered_at timestamptz, registration_due date, answer_due date,
         deadline_rule text, deadline_rule_version integer, closed_at timestamptz, rating integer, rejected_at timestamptz,
         answer_document_id uuid, form jsonb, source_channel text, idempotency_key text, search_text text)`,
      [municipalityId, JSON.stringify(rows)],
    );
    // One question per appeal, with its theme (the thematic classifier's analytics count these).
    await sql.query(
      `INSERT INTO appeal_questions (municipality_id, document_id, n, text, theme_code)
       SELECT $1, r.document_id, 1, left(r.text, 20000), r.theme_code
       FROM jsonb_to_recordset($2::jsonb) AS r(document_id uuid, text text, theme_code text)`,
      [
        municipalityId,
        JSON.stringify(
          rows.map((r) => ({ document_id: r.document_id, text: r.form.text, theme_code: r.theme_code })),
        ),
      ],
    );
  },

  async insertEvents(sql: Sql, municipalityId: string, rows: readonly ImportEventRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO document_events (municipality_id, document_id, at, actor_user_id, actor_label, type, data)
       SELECT $1, r.document_id, r.at, NULL, r.actor_label, r.type, r.data
       FROM jsonb_to_recordset($2::jsonb) AS r(document_id uuid, at timestamptz, actor_label text, type text, data jsonb)
       ORDER BY r.at`,
      [municipalityId, JSON.stringify(rows)],
    );
  },
};
