import type { Sql } from '@zemstvo/kernel';

export interface SignalRow {
  documentId: string;
  source: string;
  eventId: string;
  type: string;
  severity: 'info' | 'warning' | 'critical';
  lat: number | null;
  lon: number | null;
  observedAt: Date;
}

const COLS = `document_id AS "documentId", source, event_id AS "eventId", type, severity, lat, lon, observed_at AS "observedAt"`;

/** Monitoring signals (the requisites of their incoming documents). Bound to one municipality. */
export const signalsRepo = {
  async byEvent(sql: Sql, m: string, source: string, eventId: string): Promise<SignalRow | undefined> {
    const rows = await sql.query<SignalRow>(
      `SELECT ${COLS} FROM doc_signals WHERE municipality_id = $1 AND source = $2 AND event_id = $3`,
      [m, source, eventId],
    );
    return rows[0];
  },

  async byDocument(sql: Sql, m: string, documentId: string): Promise<SignalRow | undefined> {
    const rows = await sql.query<SignalRow>(
      `SELECT ${COLS} FROM doc_signals WHERE municipality_id = $1 AND document_id = $2`,
      [m, documentId],
    );
    return rows[0];
  },

  async insert(sql: Sql, m: string, s: SignalRow): Promise<void> {
    await sql.query(
      `INSERT INTO doc_signals (municipality_id, document_id, source, event_id, type, severity, lat, lon, observed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [m, s.documentId, s.source, s.eventId, s.type, s.severity, s.lat, s.lon, s.observedAt],
    );
  },
};
