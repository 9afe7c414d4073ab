import type { Sql } from '@zemstvo/kernel';
import type { ApprovalStepState } from '../domain/approval-route.ts';

export interface ApprovalStepRow extends ApprovalStepState {
  documentId: string;
  version: number;
  comment: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

const COLS = `id, document_id AS "documentId", round, stage, approver_user_id AS "approverUserId", decision, comment, version,
  decided_at AS "decidedAt", created_at AS "createdAt"`;

/** Approval routes of drafts: rounds of steps, stages in order, the approvers of a stage in parallel. */
export const approvalsRepo = {
  async lastRound(sql: Sql, m: string, documentId: string): Promise<number> {
    const [row] = await sql.query<{ r: number | null }>(
      'SELECT max(round) AS r FROM approval_steps WHERE municipality_id = $1 AND document_id = $2',
      [m, documentId],
    );
    return row?.r ?? 0;
  },

  async insert(
    sql: Sql,
    m: string,
    s: {
      documentId: string;
      round: number;
      stage: number;
      approverUserId: string;
      version: number;
      now: Date;
    },
  ): Promise<ApprovalStepRow> {
    const [row] = await sql.query<ApprovalStepRow>(
      `INSERT INTO approval_steps (municipality_id, document_id, round, stage, approver_user_id, version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLS}`,
      [m, s.documentId, s.round, s.stage, s.approverUserId, s.version, s.now],
    );
    return row!;
  },

  /** The steps of one round, locked for a decision. */
  async roundForUpdate(sql: Sql, m: string, documentId: string, round: number): Promise<ApprovalStepRow[]> {
    return sql.query(
      `SELECT ${COLS} FROM approval_steps WHERE municipality_id = $1 AND document_id = $2 AND round = $3
       ORDER BY stage, created_at, id FOR UPDATE`,
      [m, documentId, round],
    );
  },

  async all(sql: Sql, m: string, documentId: string): Promise<ApprovalStepRow[]> {
    return sql.query(
      `SELECT ${COLS} FROM approval_steps WHERE municipality_id = $1 AND document_id = $2 ORDER BY round, stage, created_at, id`,
      [m, documentId],
    );
  },

  async decide(
    sql: Sql,
    m: string,
    id: string,
    decision: ApprovalStepState['decision'],
    comment: string | null,
    now: Date,
  ): Promise<void> {
    await sql.query(
      'UPDATE approval_steps SET decision = $3, comment = $4, decided_at = $5 WHERE municipality_id = $1 AND id = $2',
      [m, id, decision, comment, now],
    );
  },

  /** Pending steps of a round are skipped once the draft was returned. */
  async skipPending(sql: Sql, m: string, documentId: string, round: number, now: Date): Promise<void> {
    await sql.query(
      `UPDATE approval_steps SET decision = 'skipped', decided_at = $4
       WHERE municipality_id = $1 AND document_id = $2 AND round = $3 AND decision = 'pending'`,
      [m, documentId, round, now],
    );
  },
};
