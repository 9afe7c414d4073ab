import { prepared, type Sql } from '@zemstvo/kernel';
import type { FormValues } from '../domain/intake-form.ts';
import type { AppealStage, AppealStatus } from '../domain/statuses.ts';
import type { SpecialHandling } from '../domain/special-handling.ts';

export interface AppealRow {
  id: string;
  municipalityId: string;
  serviceInstanceId: string;
  categoryCode: string;
  themeCode: string | null;
  applicantUserId: string | null;
  applicantName: string | null;
  applicantEmail: string | null;
  applicantPostalAddress: string | null;
  applicantPhone: string | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  isPublic: boolean;
  status: AppealStatus;
  stage: AppealStage;
  specialHandling: SpecialHandling | null;
  specialHandlingNote: string | null;
  crimeForwardedTo: string | null;
  receivedAt: Date;
  registeredAt: Date | null;
  registrationDue: string;
  answerDue: string | null;
  redirectDue: string | null;
  noticeDue: string | null;
  extensions: number;
  extensionReason: string | null;
  deadlineRule: string;
  deadlineRuleVersion: number;
  closedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  rejectedAt: Date | null;
  rejectionComment: string | null;
  duplicateOf: string | null;
  redirectedTo: string | null;
  answerDocumentId: string | null;
  form: FormValues;
  sourceChannel: string;
  idempotencyKey: string | null;
  idempotencyHash: string | null;
}

export interface QuestionRow {
  n: number;
  text: string;
  themeCode: string | null;
  repetition: 'primary' | 'repeated';
  repeatedOf: string | null;
}

const d = (col: string, as: string) => `to_char(a.${col}, 'YYYY-MM-DD') AS "${as}"`;
export const APPEAL_COLS = `a.document_id AS id, a.municipality_id AS "municipalityId", a.service_instance_id AS "serviceInstanceId",
  a.category_code AS "categoryCode", a.theme_code AS "themeCode", a.applicant_user_id AS "applicantUserId",
  a.applicant_name AS "applicantName", a.applicant_email AS "applicantEmail", a.applicant_postal_address AS "applicantPostalAddress",
  a.applicant_phone AS "applicantPhone", a.lat, a.lon, a.address, a.is_public AS "isPublic", a.status, a.stage,
  a.special_handling AS "specialHandling", a.special_handling_note AS "specialHandlingNote", a.crime_forwarded_to AS "crimeForwardedTo",
  a.received_at AS "receivedAt", a.registered_at AS "registeredAt", ${d('registration_due', 'registrationDue')},
  ${d('answer_due', 'answerDue')}, ${d('redirect_due', 'redirectDue')}, ${d('notice_due', 'noticeDue')}, a.extensions,
  a.extension_reason AS "extensionReason", a.deadline_rule AS "deadlineRule", a.deadline_rule_version AS "deadlineRuleVersion",
  a.closed_at AS "closedAt", a.rating, a.rating_comment AS "ratingComment", a.rejected_at AS "rejectedAt",
  a.rejection_comment AS "rejectionComment", a.duplicate_of AS "duplicateOf", a.redirected_to AS "redirectedTo",
  a.answer_document_id AS "answerDocumentId", a.form, a.source_channel AS "sourceChannel",
  a.idempotency_key AS "idempotencyKey", a.idempotency_hash AS "idempotencyHash"`;

export type NewAppeal = Pick<
  AppealRow,
  | 'id'
  | 'serviceInstanceId'
  | 'categoryCode'
  | 'themeCode'
  | 'applicantUserId'
  | 'applicantName'
  | 'applicantEmail'
  | 'applicantPostalAddress'
  | 'applicantPhone'
  | 'lat'
  | 'lon'
  | 'address'
  | 'isPublic'
  | 'status'
  | 'stage'
  | 'receivedAt'
  | 'registrationDue'
  | 'deadlineRule'
  | 'deadlineRuleVersion'
  | 'form'
  | 'sourceChannel'
  | 'idempotencyKey'
  | 'idempotencyHash'
> & { searchText: string };

/** Columns a use case may change after intake (the repository maps them to SQL). */
export type AppealPatch = Partial<
  Pick<
    AppealRow,
    | 'status'
    | 'stage'
    | 'specialHandling'
    | 'specialHandlingNote'
    | 'crimeForwardedTo'
    | 'registeredAt'
    | 'answerDue'
    | 'redirectDue'
    | 'noticeDue'
    | 'extensions'
    | 'extensionReason'
    | 'deadlineRule'
    | 'deadlineRuleVersion'
    | 'closedAt'
    | 'rating'
    | 'ratingComment'
    | 'rejectedAt'
    | 'rejectionComment'
    | 'duplicateOf'
    | 'redirectedTo'
    | 'answerDocumentId'
    | 'isPublic'
    | 'categoryCode'
    | 'themeCode'
  > & { searchText: string }
>;

const PATCH_COLUMNS: Readonly<Record<keyof AppealPatch, string>> = {
  status: 'status',
  stage: 'stage',
  specialHandling: 'special_handling',
  specialHandlingNote: 'special_handling_note',
  crimeForwardedTo: 'crime_forwarded_to',
  registeredAt: 'registered_at',
  answerDue: 'answer_due',
  redirectDue: 'redirect_due',
  noticeDue: 'notice_due',
  extensions: 'extensions',
  extensionReason: 'extension_reason',
  deadlineRule: 'deadline_rule',
  deadlineRuleVersion: 'deadline_rule_version',
  closedAt: 'closed_at',
  rating: 'rating',
  ratingComment: 'rating_comment',
  rejectedAt: 'rejected_at',
  rejectionComment: 'rejection_comment',
  duplicateOf: 'duplicate_of',
  redirectedTo: 'redirected_to',
  answerDocumentId: 'answer_document_id',
  isPublic: 'is_public',
  categoryCode: 'category_code',
  themeCode: 'theme_code',
  searchText: 'search_text',
};

/** The only code that knows the appeals tables. Every query is bound to one municipality. */
export const appealsRepo = {
  async insert(sql: Sql, municipalityId: string, a: NewAppeal, now: Date): Promise<void> {
    // Every intake runs it (and the claim below): prepared once per connection.
    await sql.query(
      prepared(`INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, theme_code, applicant_user_id,
         applicant_name, applicant_email, applicant_postal_address, applicant_phone, lat, lon, address, is_public, status, stage,
         received_at, registration_due, deadline_rule, deadline_rule_version, form, source_channel, idempotency_key,
         idempotency_hash, search_text, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)`),
      [
        municipalityId,
        a.id,
        a.serviceInstanceId,
        a.categoryCode,
        a.themeCode,
        a.applicantUserId,
        a.applicantName,
        a.applicantEmail,
        a.applicantPostalAddress,
        a.applicantPhone,
        a.lat,
        a.lon,
        a.address,
        a.isPublic,
        a.status,
        a.stage,
        a.receivedAt,
        a.registrationDue,
        a.deadlineRule,
        a.deadlineRuleVersion,
        JSON.stringify(a.form),
        a.sourceChannel,
        a.idempotencyKey,
        a.idempotencyHash,
        a.searchText,
        now,
      ],
    );
  },

  async get(sql: Sql, municipalityId: string, id: string): Promise<AppealRow | undefined> {
    const rows = await sql.query<AppealRow>(
      `SELECT ${APPEAL_COLS} FROM appeals a WHERE a.municipality_id = $1 AND a.document_id = $2`,
      [municipalityId, id],
    );
    return rows[0];
  },

  /** Locks the appeal for the rest of the transaction (status transitions). */
  async getForUpdate(sql: Sql, municipalityId: string, id: string): Promise<AppealRow | undefined> {
    const rows = await sql.query<AppealRow>(
      `SELECT ${APPEAL_COLS} FROM appeals a WHERE a.municipality_id = $1 AND a.document_id = $2 FOR UPDATE`,
      [municipalityId, id],
    );
    return rows[0];
  },

  /**
   * Serializes intakes with the same idempotency key (a transaction lock, released at commit), then
   * finds the appeal filed with it, and its request's hash: a retry is checked against it. One
   * round trip (migration 0005: the look-up runs after the lock, in a fresh snapshot).
   */
  async claimIdempotencyKey(
    sql: Sql,
    municipalityId: string,
    key: string,
  ): Promise<{ id: string; idempotencyHash: string | null } | undefined> {
    const rows = await sql.query<{ id: string; idempotencyHash: string | null }>(
      prepared(`SELECT id, idempotency_hash AS "idempotencyHash" FROM appeal_idempotency_claim($1, $2)`),
      [municipalityId, key],
    );
    return rows[0];
  },

  async update(sql: Sql, municipalityId: string, id: string, patch: AppealPatch, now: Date): Promise<void> {
    const params: unknown[] = [municipalityId, id, now];
    const sets: string[] = [];
    for (const [k, v] of Object.entries(patch)) {
      const col = PATCH_COLUMNS[k as keyof AppealPatch];
      if (v === undefined || !col) continue;
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    }
    if (!sets.length) return;
    await sql.query(
      `UPDATE appeals SET ${sets.join(', ')}, updated_at = $3 WHERE municipality_id = $1 AND document_id = $2`,
      params,
    );
  },

  async replaceQuestions(
    sql: Sql,
    municipalityId: string,
    id: string,
    questions: readonly QuestionRow[],
  ): Promise<void> {
    await sql.query('DELETE FROM appeal_questions WHERE municipality_id = $1 AND document_id = $2', [
      municipalityId,
      id,
    ]);
    for (const q of questions)
      await sql.query(
        `INSERT INTO appeal_questions (municipality_id, document_id, n, text, theme_code, repetition, repeated_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [municipalityId, id, q.n, q.text, q.themeCode, q.repetition, q.repeatedOf],
      );
  },

  async questions(sql: Sql, municipalityId: string, id: string): Promise<QuestionRow[]> {
    return sql.query(
      `SELECT n, text, theme_code AS "themeCode", repetition, repeated_of AS "repeatedOf"
       FROM appeal_questions WHERE municipality_id = $1 AND document_id = $2 ORDER BY n`,
      [municipalityId, id],
    );
  },

  /**
   * The latest earlier appeal of the same applicant (account, or e-mail) with a question of this
   * theme that has been answered: a new question on it is «repeated» (59-FZ Art. 11 p.5 counts them).
   */
  async earlierAnswered(
    sql: Sql,
    municipalityId: string,
    q: {
      excludeId: string;
      applicantUserId: string | null;
      applicantEmail: string | null;
      themeCode: string;
      before: Date;
    },
  ): Promise<string | null> {
    if (!q.applicantUserId && !q.applicantEmail) return null;
    const rows = await sql.query<{ id: string }>(
      `SELECT a.document_id AS id FROM appeals a
       JOIN appeal_questions qn ON qn.municipality_id = a.municipality_id AND qn.document_id = a.document_id
       WHERE a.municipality_id = $1 AND a.document_id <> $2 AND qn.theme_code = $5 AND a.received_at < $6
         AND (a.answer_document_id IS NOT NULL OR a.stage = 'answered')
         AND (($3::uuid IS NOT NULL AND a.applicant_user_id = $3::uuid)
              OR ($4::text IS NOT NULL AND lower(a.applicant_email) = lower($4::text)))
       ORDER BY a.received_at DESC, a.document_id DESC LIMIT 1`,
      [municipalityId, q.excludeId, q.applicantUserId, q.applicantEmail, q.themeCode, q.before],
    );
    return rows[0]?.id ?? null;
  },
};
