import type { Sql } from '@zemstvo/kernel';

/**
 * Test data: appeals received at the given instants, written straight into the tables the forecast
 * reads (a document and its appeal row each), so a test can have months of history in one query.
 * The rows look like appeals filed on the web and not yet registered.
 */
export async function insertAppeals(
  sql: Pick<Sql, 'query'>,
  where: { municipality: string; service: string; category: string },
  receivedAt: readonly Date[],
): Promise<number> {
  const rows = await sql.query<{ n: number }>(
    `WITH inst AS (
       SELECT s.municipality_id, s.id FROM service_instances s
       JOIN municipalities m ON m.id = s.municipality_id
       WHERE m.slug = $1 AND s.slug = $2),
     times AS (SELECT t::timestamptz AS t FROM jsonb_array_elements_text($4::jsonb) AS t),
     docs AS (
       INSERT INTO documents (municipality_id, direction, kind, status, title, body, source_channel,
         service_instance_id, created_at, updated_at)
       SELECT inst.municipality_id, 'incoming', 'appeal', 'received', 'Тестовое обращение', '', 'web', inst.id, times.t, times.t
       FROM inst, times
       RETURNING municipality_id, id, service_instance_id, created_at),
     ins AS (
       INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, status, stage,
         received_at, registration_due, deadline_rule, deadline_rule_version)
       SELECT municipality_id, id, service_instance_id, $3, 'received', 'receipt', created_at, created_at::date, 'test', 1
       FROM docs
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [
      where.municipality,
      where.service,
      where.category,
      JSON.stringify(receivedAt.map((d) => d.toISOString())),
    ],
  );
  return rows[0]?.n ?? 0;
}

/** Instants at noon Moscow time (09:00 UTC) on each of `days` days from `from`, `count(i)` on day i. */
export function daily(from: string, days: number, count: (i: number, date: string) => number): Date[] {
  const out: Date[] = [];
  const start = new Date(`${from}T09:00:00Z`).getTime();
  for (let i = 0; i < days; i++) {
    const at = new Date(start + i * 86_400_000);
    const n = count(i, at.toISOString().slice(0, 10));
    for (let k = 0; k < n; k++) out.push(new Date(at.getTime() + k * 1000));
  }
  return out;
}
