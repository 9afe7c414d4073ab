import type { Database } from '@zemstvo/db';
import { newId } from '@zemstvo/kernel';
import type { Target } from './generate.ts';
import { loadFromChild, type PlannedRequest } from './load.ts';
import type { SamplePieces } from './sample.ts';
import { percentile } from './stats.ts';

export interface IntakeFigures {
  rate: number;
  p99: number;
  rawRate: number;
  rawP99: number;
  statuses: Record<string, number>;
  firstError: string | null;
}

interface Row {
  text: string;
  category: string;
  theme: string;
}

function rowsFor(s: SamplePieces, t: Target, n: number, seed: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const k = seed + i;
    const [category, theme] = t.themes[(k * 31) % t.themes.length]!.split('/') as [string, string];
    const a = s.texts[(k * 7919) % s.texts.length]!;
    const b = s.texts[(k * 104729 + 17) % s.texts.length]!;
    return { text: `${a} ${b}`, category, theme };
  });
}

/**
 * Appeal intake through the HTTP API of a listening server (keep-alive, `concurrency` in flight,
 * residents' sessions, a fresh Idempotency-Key each: validation, idempotency, the document and the
 * appeal with the registration deadline, history, audit, search index), against raw SQL INSERTs
 * of the same rows into documents + appeals (one transaction per appeal, the same concurrency).
 */
export async function benchIntake(
  db: Database,
  base: string,
  sessions: Record<string, string>[],
  t: Target,
  s: SamplePieces,
  n: number,
  concurrency: number,
): Promise<IntakeFigures> {
  const request = (r: Row, i: number, run: string): PlannedRequest => ({
    method: 'POST',
    path: '/api/m/zarechny/appeals',
    headers: {
      ...sessions[i % sessions.length]!,
      'content-type': 'application/json',
      'idempotency-key': `bench-${run}-${i}`,
    },
    body: JSON.stringify({
      service: 'appeals-59fz',
      category: r.category,
      theme: r.theme,
      fields: { last_name: 'Жителева', first_name: 'Елена', email: 'resident@demo.zemstvo.ru', text: r.text },
      channel: 'web',
    }),
  });
  const run = newId().slice(0, 8);
  const warm = rowsFor(s, t, Math.min(100, n), 900_000);
  await loadFromChild({ base, concurrency, requests: warm.map((r, i) => request(r, i, `${run}-warm`)) });
  const rows = rowsFor(s, t, n, 1_000_000);
  const http = await loadFromChild({ base, concurrency, requests: rows.map((r, i) => request(r, i, run)) });

  // The baseline: the same rows, raw INSERTs, triggers as installed (the search index is part of the tables).
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (;;) {
      const r = rows[next++];
      if (!r) return;
      const ts = performance.now();
      await db.transaction(async (tx) => {
        const id = newId();
        await tx.query(
          `INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, source_channel, service_instance_id, created_at, updated_at)
           VALUES ($1, $2, 'incoming', 'appeal', 'received', $3, $4, 'web', $5, now(), now())`,
          [t.municipalityId, id, r.text.slice(0, 120), r.text, t.serviceId],
        );
        await tx.query(
          `INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, theme_code, status, stage,
             received_at, registration_due, deadline_rule, deadline_rule_version, search_text)
           VALUES ($1, $2, $3, $4, $5, 'received', 'receipt', now(), current_date + 3, 'fz59.registration', 1, lower($6))`,
          [t.municipalityId, id, t.serviceId, r.category, r.theme, r.text],
        );
      });
      latencies.push(performance.now() - ts);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const rawMs = performance.now() - t0;
  return {
    rate: (n / http.wallMs) * 1000,
    p99: percentile(http.latencies, 99),
    rawRate: (n / rawMs) * 1000,
    rawP99: percentile(latencies, 99),
    statuses: http.statuses,
    firstError: http.firstError,
  };
}
