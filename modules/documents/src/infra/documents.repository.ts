import { prepared, type Sql } from '@zemstvo/kernel';
import type { DocumentDirection, DocumentStatus } from '../domain/kinds.ts';

export interface DocumentRow {
  id: string;
  direction: DocumentDirection;
  kind: string;
  status: DocumentStatus;
  journalId: string | null;
  regNumber: string | null;
  regDate: Date | null;
  title: string;
  body: string;
  authorUserId: string | null;
  authorName: string | null;
  authorOrg: string | null;
  addressee: string | null;
  signatoryUserId: string | null;
  sourceChannel: string;
  parentId: string | null;
  serviceInstanceId: string | null;
  externalRef: string | null;
  dueDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DocumentEventRow {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  type: string;
  data: Record<string, unknown>;
}

export interface JournalRow {
  id: string;
  code: string;
  nameRu: string;
  nameEn: string;
  direction: DocumentDirection;
  numberFormat: string;
  resetYearly: boolean;
}

export const DOC_COLS = `id, direction, kind, status, journal_id AS "journalId", reg_number AS "regNumber", reg_date AS "regDate",
  title, body, author_user_id AS "authorUserId", author_name AS "authorName", author_org AS "authorOrg", addressee,
  signatory_user_id AS "signatoryUserId", source_channel AS "sourceChannel", parent_id AS "parentId",
  service_instance_id AS "serviceInstanceId", external_ref AS "externalRef", to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A history step to write (its document and time are given where it is written). */
export interface NewDocumentEvent {
  actorUserId: string | null;
  actorLabel: string;
  type: string;
  data?: object;
}

export type NewDocument = Omit<
  DocumentRow,
  'id' | 'regNumber' | 'regDate' | 'journalId' | 'createdAt' | 'updatedAt'
> & {
  id?: string;
};

/** The only code that knows the document tables. Every query is bound to one municipality. */
export const documentsRepo = {
  /**
   * Inserts a document; with `firstEvent`, its first history step too, in the same statement (one
   * round trip fewer on every intake).
   */
  async insert(
    sql: Sql,
    municipalityId: string,
    d: NewDocument,
    now: Date,
    firstEvent?: NewDocumentEvent,
  ): Promise<DocumentRow> {
    const params: unknown[] = [
      municipalityId,
      d.id ?? null,
      d.direction,
      d.kind,
      d.status,
      d.title,
      d.body,
      d.authorUserId,
      d.authorName,
      d.authorOrg,
      d.addressee,
      d.signatoryUserId,
      d.sourceChannel,
      d.parentId,
      d.serviceInstanceId,
      d.externalRef,
      d.dueDate,
      now,
    ];
    const insert = `INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, author_user_id, author_name, author_org,
         addressee, signatory_user_id, source_channel, parent_id, service_instance_id, external_ref, due_date, created_at, updated_at)
       VALUES ($1, coalesce($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
       RETURNING ${DOC_COLS}`;
    if (!firstEvent) {
      const [row] = await sql.query<DocumentRow>(insert, params);
      return row!;
    }
    const e = firstEvent;
    // Every intake runs it: prepared once per connection.
    const [row] = await sql.query<DocumentRow>(
      prepared(`WITH d AS (${insert}),
         e AS (INSERT INTO document_events (municipality_id, document_id, at, actor_user_id, actor_label, type, data)
               SELECT $1, d.id, $18, $19, $20, $21, $22 FROM d)
       SELECT * FROM d`),
      [...params, e.actorUserId, e.actorLabel, e.type, JSON.stringify(e.data ?? {})],
    );
    return row!;
  },

  async get(sql: Sql, municipalityId: string, id: string): Promise<DocumentRow | undefined> {
    const rows = await sql.query<DocumentRow>(
      `SELECT ${DOC_COLS} FROM documents WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, id],
    );
    return rows[0];
  },

  /** Locks the document row for the rest of the transaction (state transitions). */
  async getForUpdate(sql: Sql, municipalityId: string, id: string): Promise<DocumentRow | undefined> {
    const rows = await sql.query<DocumentRow>(
      `SELECT ${DOC_COLS} FROM documents WHERE municipality_id = $1 AND id = $2 FOR UPDATE`,
      [municipalityId, id],
    );
    return rows[0];
  },

  async children(sql: Sql, municipalityId: string, parentId: string): Promise<DocumentRow[]> {
    return sql.query(
      `SELECT ${DOC_COLS} FROM documents WHERE municipality_id = $1 AND parent_id = $2 ORDER BY created_at, id`,
      [municipalityId, parentId],
    );
  },

  async setStatus(
    sql: Sql,
    municipalityId: string,
    id: string,
    status: DocumentStatus,
    now: Date,
  ): Promise<void> {
    await sql.query(
      'UPDATE documents SET status = $3, updated_at = $4 WHERE municipality_id = $1 AND id = $2',
      [municipalityId, id, status, now],
    );
  },

  async update(
    sql: Sql,
    municipalityId: string,
    id: string,
    patch: Partial<
      Pick<DocumentRow, 'title' | 'body' | 'addressee' | 'signatoryUserId' | 'dueDate' | 'kind'>
    >,
    now: Date,
  ): Promise<void> {
    const cols: string[] = [];
    const params: unknown[] = [municipalityId, id, now];
    const map: Record<string, string> = {
      title: 'title',
      body: 'body',
      addressee: 'addressee',
      signatoryUserId: 'signatory_user_id',
      dueDate: 'due_date',
      kind: 'kind',
    };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || !map[k]) continue;
      params.push(v);
      cols.push(`${map[k]} = $${params.length}`);
    }
    if (!cols.length) return;
    await sql.query(
      `UPDATE documents SET ${cols.join(', ')}, updated_at = $3 WHERE municipality_id = $1 AND id = $2`,
      params,
    );
  },

  async setRegistration(
    sql: Sql,
    municipalityId: string,
    id: string,
    r: { journalId: string; regNumber: string; regDate: Date; status: DocumentStatus },
  ): Promise<void> {
    await sql.query(
      `UPDATE documents SET journal_id = $3, reg_number = $4, reg_date = $5, status = $6, updated_at = $5
       WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, id, r.journalId, r.regNumber, r.regDate, r.status],
    );
  },

  async addEvent(
    sql: Sql,
    municipalityId: string,
    e: NewDocumentEvent & { documentId: string; at: Date },
  ): Promise<void> {
    await sql.query(
      `INSERT INTO document_events (municipality_id, document_id, at, actor_user_id, actor_label, type, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [municipalityId, e.documentId, e.at, e.actorUserId, e.actorLabel, e.type, JSON.stringify(e.data ?? {})],
    );
  },

  async events(sql: Sql, municipalityId: string, documentId: string): Promise<DocumentEventRow[]> {
    return sql.query(
      `SELECT id, at, actor_user_id AS "actorUserId", actor_label AS "actorLabel", type, data
       FROM document_events WHERE municipality_id = $1 AND document_id = $2 ORDER BY id`,
      [municipalityId, documentId],
    );
  },
};

export const journalsRepo = {
  async byCode(sql: Sql, municipalityId: string, code: string): Promise<JournalRow | undefined> {
    const rows = await sql.query<JournalRow>(
      `SELECT id, code, name_ru AS "nameRu", name_en AS "nameEn", direction, number_format AS "numberFormat",
         reset_yearly AS "resetYearly" FROM doc_journals WHERE municipality_id = $1 AND code = $2`,
      [municipalityId, code],
    );
    return rows[0];
  },

  async list(sql: Sql, municipalityId: string): Promise<JournalRow[]> {
    return sql.query(
      `SELECT id, code, name_ru AS "nameRu", name_en AS "nameEn", direction, number_format AS "numberFormat",
         reset_yearly AS "resetYearly" FROM doc_journals WHERE municipality_id = $1 ORDER BY code`,
      [municipalityId],
    );
  },

  async insert(sql: Sql, municipalityId: string, j: Omit<JournalRow, 'id'>): Promise<JournalRow> {
    const [row] = await sql.query<JournalRow>(
      `INSERT INTO doc_journals (municipality_id, code, name_ru, name_en, direction, number_format, reset_yearly)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, code, name_ru AS "nameRu", name_en AS "nameEn", direction, number_format AS "numberFormat",
         reset_yearly AS "resetYearly"`,
      [municipalityId, j.code, j.nameRu, j.nameEn, j.direction, j.numberFormat, j.resetYearly],
    );
    return row!;
  },

  /** Next sequence value of a journal for a year; the counter row lock serializes concurrent registrations. */
  async nextValue(sql: Sql, municipalityId: string, journalId: string, year: number): Promise<number> {
    const [row] = await sql.query<{ v: number }>(
      `INSERT INTO doc_journal_counters (municipality_id, journal_id, year, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (municipality_id, journal_id, year) DO UPDATE SET last_value = doc_journal_counters.last_value + 1
       RETURNING last_value AS v`,
      [municipalityId, journalId, year],
    );
    return row!.v;
  },
};
