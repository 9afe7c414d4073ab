import type { Sql } from '@zemstvo/kernel';

export type ModelStatus = 'training' | 'ready' | 'skipped' | 'failed';

export interface ModelRow {
  id: string;
  version: number;
  jobId: number | null;
  status: ModelStatus;
  statusNote: string | null;
  /** A stable code of the note for translation (`interrupted`), or null. */
  statusReason: string | null;
  requestedAt: Date;
  trainedAt: Date | null;
  examples: number;
  metrics: Record<string, unknown>;
  active: boolean;
}

const COLUMNS = `id, version, job_id AS "jobId", status, status_note AS "statusNote", status_reason AS "statusReason",
  requested_at AS "requestedAt",
  trained_at AS "trainedAt", examples, metrics, active`;

interface RawModelRow extends Omit<ModelRow, 'jobId'> {
  jobId: number | string | null;
}
const toRow = (r: RawModelRow): ModelRow => ({ ...r, jobId: r.jobId === null ? null : Number(r.jobId) });

/** Routing models of a municipality: one row per training run, the stored model bytes of the ready ones. */
export const modelsRepo = {
  /**
   * A new run in status `training`, with the next version number of the municipality, owned by the
   * `trainer` process (alive as of `at`).
   */
  async insertRun(
    sql: Sql,
    municipalityId: string,
    jobId: number | null,
    at: Date,
    trainer: string,
  ): Promise<ModelRow> {
    const rows = await sql.query<RawModelRow>(
      `INSERT INTO routing_models (municipality_id, version, job_id, status, requested_at, trainer, heartbeat_at)
       VALUES ($1, coalesce((SELECT max(version) FROM routing_models WHERE municipality_id = $1), 0) + 1, $2,
         'training', $3, $4, $3)
       RETURNING ${COLUMNS}`,
      [municipalityId, jobId, at, trainer],
    );
    return toRow(rows[0]!);
  },

  /** The training process is still alive: it says so while its worker trains. */
  async heartbeat(sql: Sql, municipalityId: string, id: string, at: Date): Promise<void> {
    await sql.query(
      `UPDATE routing_models SET heartbeat_at = $3 WHERE municipality_id = $1 AND id = $2 AND status = 'training'`,
      [municipalityId, id, at],
    );
  },

  /**
   * Marks failed (all municipalities: the sweep is the system's) the runs still in `training` that
   * another process owns and that showed no sign of life since `silentSince`; returns them.
   */
  async failInterrupted(
    sql: Sql,
    input: { self: string; silentSince: Date; at: Date; note: string; reason: string },
  ): Promise<(ModelRow & { municipalityId: string; trainer: string | null })[]> {
    const rows = await sql.query<RawModelRow & { municipalityId: string; trainer: string | null }>(
      `UPDATE routing_models SET status = 'failed', status_note = $3, status_reason = $4, trained_at = $5
       WHERE status = 'training' AND trainer IS DISTINCT FROM $1
         AND coalesce(heartbeat_at, requested_at) < $2
       RETURNING municipality_id AS "municipalityId", trainer, ${COLUMNS}`,
      [input.self, input.silentSince, input.note, input.reason, input.at],
    );
    return rows.map((r) => ({ ...toRow(r), municipalityId: r.municipalityId, trainer: r.trainer }));
  },

  async finishRun(
    sql: Sql,
    municipalityId: string,
    id: string,
    outcome: {
      status: Exclude<ModelStatus, 'training'>;
      note: string | null;
      /** A stable code of the note that the web app translates (`too_few_labelled`). */
      reason?: string | null;
      trainedAt: Date;
      examples: number;
      metrics: Record<string, unknown>;
      model: Uint8Array | null;
    },
  ): Promise<void> {
    await sql.query(
      `UPDATE routing_models SET status = $3, status_note = $4, trained_at = $5, examples = $6, metrics = $7, model = $8,
         status_reason = $9
       WHERE municipality_id = $1 AND id = $2`,
      [
        municipalityId,
        id,
        outcome.status,
        outcome.note,
        outcome.trainedAt,
        outcome.examples,
        JSON.stringify(outcome.metrics),
        outcome.model,
        outcome.reason ?? null,
      ],
    );
  },

  /** Makes one ready model the municipality's active one (and no other). */
  async activate(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query(
      'UPDATE routing_models SET active = false WHERE municipality_id = $1 AND active AND id <> $2',
      [municipalityId, id],
    );
    await sql.query(
      `UPDATE routing_models SET active = true WHERE municipality_id = $1 AND id = $2 AND status = 'ready'`,
      [municipalityId, id],
    );
  },

  async list(sql: Sql, municipalityId: string, limit = 50): Promise<ModelRow[]> {
    const rows = await sql.query<RawModelRow>(
      `SELECT ${COLUMNS} FROM routing_models WHERE municipality_id = $1 ORDER BY version DESC LIMIT $2`,
      [municipalityId, limit],
    );
    return rows.map(toRow);
  },

  async active(sql: Sql, municipalityId: string): Promise<ModelRow | null> {
    const rows = await sql.query<RawModelRow>(
      `SELECT ${COLUMNS} FROM routing_models WHERE municipality_id = $1 AND active`,
      [municipalityId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  },

  async bytes(sql: Sql, municipalityId: string, id: string): Promise<Uint8Array | null> {
    const rows = await sql.query<{ model: Uint8Array | null }>(
      'SELECT model FROM routing_models WHERE municipality_id = $1 AND id = $2',
      [municipalityId, id],
    );
    return rows[0]?.model ?? null;
  },

  /** A training job of the municipality already due and not yet started, if any. */
  async waitingJob(sql: Sql, municipalityId: string, kind: string, now: Date): Promise<number | null> {
    const rows = await sql.query<{ id: number | string }>(
      `SELECT id FROM jobs WHERE kind = $1 AND municipality_id = $2 AND done_at IS NULL AND failed_at IS NULL
         AND run_at <= $3 ORDER BY id LIMIT 1`,
      [kind, municipalityId, now],
    );
    return rows[0] ? Number(rows[0].id) : null;
  },

  async hasReady(sql: Sql, municipalityId: string): Promise<boolean> {
    const rows = await sql.query(
      `SELECT 1 FROM routing_models WHERE municipality_id = $1 AND status = 'ready' LIMIT 1`,
      [municipalityId],
    );
    return rows.length > 0;
  },
};
