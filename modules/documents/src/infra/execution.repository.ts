import type { Sql } from '@zemstvo/kernel';

export interface ResolutionRow {
  id: string;
  documentId: string;
  authorUserId: string;
  instruction: string;
  dueDate: string;
  status: 'active' | 'superseded' | 'done';
  supersedes: string | null;
  createdAt: Date;
}

export interface AssignmentRow {
  id: string;
  resolutionId: string;
  documentId: string;
  executorUserId: string;
  role: 'responsible' | 'co_executor';
  dueDate: string;
  status: 'open' | 'done' | 'cancelled';
  report: string | null;
  completedAt: Date | null;
  createdAt: Date;
}

/** An assignment with what an executor's list shows of its document. */
export interface AssignmentListRow extends AssignmentRow {
  instruction: string;
  documentTitle: string;
  documentNumber: string | null;
  documentKind: string;
  documentStatus: string;
}

const RES_COLS = `id, document_id AS "documentId", author_user_id AS "authorUserId", instruction,
  to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status, supersedes, created_at AS "createdAt"`;
const ASG_COLS = (
  a: string,
) => `${a}.id, ${a}.resolution_id AS "resolutionId", ${a}.document_id AS "documentId",
  ${a}.executor_user_id AS "executorUserId", ${a}.role, to_char(${a}.due_date, 'YYYY-MM-DD') AS "dueDate", ${a}.status,
  ${a}.report, ${a}.completed_at AS "completedAt", ${a}.created_at AS "createdAt"`;

/** Resolutions and assignments (control of execution). Every query is bound to one municipality. */
export const executionRepo = {
  async activeResolutionForUpdate(
    sql: Sql,
    m: string,
    documentId: string,
  ): Promise<ResolutionRow | undefined> {
    const rows = await sql.query<ResolutionRow>(
      `SELECT ${RES_COLS} FROM resolutions WHERE municipality_id = $1 AND document_id = $2 AND status = 'active'
       ORDER BY created_at DESC FOR UPDATE`,
      [m, documentId],
    );
    return rows[0];
  },

  async latestResolution(sql: Sql, m: string, documentId: string): Promise<ResolutionRow | undefined> {
    const rows = await sql.query<ResolutionRow>(
      `SELECT ${RES_COLS} FROM resolutions WHERE municipality_id = $1 AND document_id = $2
       ORDER BY created_at DESC, id LIMIT 1`,
      [m, documentId],
    );
    return rows[0];
  },

  async resolution(sql: Sql, m: string, id: string): Promise<ResolutionRow | undefined> {
    const rows = await sql.query<ResolutionRow>(
      `SELECT ${RES_COLS} FROM resolutions WHERE municipality_id = $1 AND id = $2`,
      [m, id],
    );
    return rows[0];
  },

  async resolutionsOf(sql: Sql, m: string, documentId: string): Promise<ResolutionRow[]> {
    return sql.query(
      `SELECT ${RES_COLS} FROM resolutions WHERE municipality_id = $1 AND document_id = $2 ORDER BY created_at, id`,
      [m, documentId],
    );
  },

  async insertResolution(
    sql: Sql,
    m: string,
    r: {
      documentId: string;
      authorUserId: string;
      instruction: string;
      dueDate: string;
      supersedes: string | null;
      now: Date;
    },
  ): Promise<ResolutionRow> {
    const [row] = await sql.query<ResolutionRow>(
      `INSERT INTO resolutions (municipality_id, document_id, author_user_id, instruction, due_date, supersedes, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${RES_COLS}`,
      [m, r.documentId, r.authorUserId, r.instruction, r.dueDate, r.supersedes, r.now],
    );
    return row!;
  },

  async setResolutionStatus(sql: Sql, m: string, id: string, status: ResolutionRow['status']): Promise<void> {
    await sql.query('UPDATE resolutions SET status = $3 WHERE municipality_id = $1 AND id = $2', [
      m,
      id,
      status,
    ]);
  },

  async insertAssignment(
    sql: Sql,
    m: string,
    a: {
      resolutionId: string;
      documentId: string;
      executorUserId: string;
      role: AssignmentRow['role'];
      dueDate: string;
      now: Date;
    },
  ): Promise<AssignmentRow> {
    const [row] = await sql.query<AssignmentRow>(
      `INSERT INTO assignments (municipality_id, resolution_id, document_id, executor_user_id, role, due_date, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ASG_COLS('assignments')}`,
      [m, a.resolutionId, a.documentId, a.executorUserId, a.role, a.dueDate, a.now],
    );
    return row!;
  },

  async assignmentForUpdate(sql: Sql, m: string, id: string): Promise<AssignmentRow | undefined> {
    const rows = await sql.query<AssignmentRow>(
      `SELECT ${ASG_COLS('a')} FROM assignments a WHERE a.municipality_id = $1 AND a.id = $2 FOR UPDATE`,
      [m, id],
    );
    return rows[0];
  },

  async assignmentsOfResolution(sql: Sql, m: string, resolutionId: string): Promise<AssignmentRow[]> {
    return sql.query(
      `SELECT ${ASG_COLS('a')} FROM assignments a WHERE a.municipality_id = $1 AND a.resolution_id = $2
       ORDER BY a.role DESC, a.created_at, a.id`,
      [m, resolutionId],
    );
  },

  async assignmentsOfDocument(sql: Sql, m: string, documentId: string): Promise<AssignmentListRow[]> {
    return this.list(sql, m, { documentId, limit: 200, offset: 0 });
  },

  /** Cancels the open assignments of a resolution (re-assignment); returns how many. */
  async cancelOpenAssignments(sql: Sql, m: string, resolutionId: string): Promise<number> {
    const rows = await sql.query(
      `UPDATE assignments SET status = 'cancelled' WHERE municipality_id = $1 AND resolution_id = $2 AND status = 'open'
       RETURNING id`,
      [m, resolutionId],
    );
    return rows.length;
  },

  async setResolutionDue(sql: Sql, m: string, id: string, dueDate: string): Promise<void> {
    await sql.query('UPDATE resolutions SET due_date = $3 WHERE municipality_id = $1 AND id = $2', [
      m,
      id,
      dueDate,
    ]);
  },

  /** Moves the due date of a resolution's open assignments; returns them as they are now. */
  async setOpenAssignmentsDue(
    sql: Sql,
    m: string,
    resolutionId: string,
    dueDate: string,
  ): Promise<AssignmentRow[]> {
    return sql.query(
      `UPDATE assignments a SET due_date = $3 WHERE a.municipality_id = $1 AND a.resolution_id = $2 AND a.status = 'open'
       RETURNING ${ASG_COLS('a')}`,
      [m, resolutionId, dueDate],
    );
  },

  async completeAssignment(sql: Sql, m: string, id: string, report: string, now: Date): Promise<void> {
    await sql.query(
      `UPDATE assignments SET status = 'done', report = $3, completed_at = $4 WHERE municipality_id = $1 AND id = $2`,
      [m, id, report, now],
    );
  },

  async list(
    sql: Sql,
    m: string,
    f: {
      executorUserId?: string;
      status?: AssignmentRow['status'];
      documentId?: string;
      limit: number;
      offset: number;
    },
  ): Promise<AssignmentListRow[]> {
    return sql.query(
      `SELECT ${ASG_COLS('a')}, r.instruction, d.title AS "documentTitle",
         d.reg_number AS "documentNumber", d.kind AS "documentKind", d.status AS "documentStatus"
       FROM assignments a
       JOIN resolutions r ON r.municipality_id = a.municipality_id AND r.id = a.resolution_id
       JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
       WHERE a.municipality_id = $1 AND ($2::uuid IS NULL OR a.executor_user_id = $2)
         AND ($3::text IS NULL OR a.status = $3) AND ($4::uuid IS NULL OR a.document_id = $4)
       ORDER BY a.due_date, a.created_at, a.id LIMIT $5 OFFSET $6`,
      [m, f.executorUserId ?? null, f.status ?? null, f.documentId ?? null, f.limit, f.offset],
    );
  },

  /** The user's assignments on a document that let them draft its answer (not cancelled). */
  async hasAssignment(sql: Sql, m: string, documentId: string, userId: string): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM assignments WHERE municipality_id = $1 AND document_id = $2 AND executor_user_id = $3
         AND status <> 'cancelled' LIMIT 1`,
      [m, documentId, userId],
    );
    return rows.length > 0;
  },

  /** Closes the open assignments of a document with a report (the answer was dispatched). */
  async completeOpenOfDocument(
    sql: Sql,
    m: string,
    documentId: string,
    report: string,
    now: Date,
  ): Promise<number> {
    const rows = await sql.query(
      `UPDATE assignments SET status = 'done', report = $3, completed_at = $4
       WHERE municipality_id = $1 AND document_id = $2 AND status = 'open' RETURNING id`,
      [m, documentId, report, now],
    );
    return rows.length;
  },
};
