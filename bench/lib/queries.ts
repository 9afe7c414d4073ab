import type { Database } from '@zemstvo/db';
import { loadFromChild, type PlannedRequest } from './load.ts';
import { percentile } from './stats.ts';

export interface LatencyFigures {
  p95: number;
  rawP95: number;
  requests: number;
  /** The slowest case (by its median) and its median, in ms. */
  slowest: { path: string; median: number } | null;
  /** Every case (path) with its median in ms, slowest first. */
  cases: { path: string; median: number }[];
  /** Why there is no value (the route is missing or answered with errors). */
  missing: string | null;
}

/** p95 of GET requests one at a time (each path `repeat` times after a warm-up pass) against raw SQL. */
async function compare(
  db: Database,
  base: string,
  headers: Record<string, string>,
  paths: string[],
  raw: { sql: string; params: unknown[] }[],
  repeat: number,
): Promise<LatencyFigures> {
  const get = (path: string): PlannedRequest => ({ method: 'GET', path, headers });
  await loadFromChild({ base, concurrency: 1, requests: paths.map(get) });
  const requests = Array.from({ length: repeat }, () => paths.map(get)).flat();
  const http = await loadFromChild({ base, concurrency: 1, requests });
  const failed = requests.length - (http.statuses['200'] ?? 0);
  for (const q of raw) await db.query(q.sql, q.params);
  const rawLatencies: number[] = [];
  for (let i = 0; i < repeat; i++)
    for (const q of raw) {
      const t = performance.now();
      await db.query(q.sql, q.params);
      rawLatencies.push(performance.now() - t);
    }
  const byPath = new Map<string, number[]>();
  requests.forEach((r, i) => byPath.set(r.path, [...(byPath.get(r.path) ?? []), http.latencies[i]!]));
  const medians = [...byPath]
    .map(([path, xs]) => ({ path, median: percentile(xs, 50) }))
    .sort((a, b) => b.median - a.median);
  return {
    p95: percentile(http.latencies, 95),
    rawP95: percentile(rawLatencies, 95),
    requests: requests.length,
    slowest: medians[0] ?? null,
    cases: medians,
    missing: failed ? `${failed} of ${requests.length} requests failed: ${http.firstError}` : null,
  };
}

/** Staff search (GET /api/m/:m/search) against `tsv @@ websearch_to_tsquery` ranked by ts_rank, top 20. */
export function benchSearch(
  db: Database,
  base: string,
  headers: Record<string, string>,
  m: string,
  queries: string[],
  repeat: number,
) {
  return compare(
    db,
    base,
    headers,
    queries.map((q) => `/api/m/zarechny/search?q=${encodeURIComponent(q)}&limit=20`),
    queries.map((q) => ({
      sql: `SELECT document_id, ts_rank(tsv, websearch_to_tsquery('russian', $2)) AS r FROM search_entries
            WHERE municipality_id = $1 AND tsv @@ websearch_to_tsquery('russian', $2) ORDER BY r DESC LIMIT 20`,
      params: [m, q],
    })),
    repeat,
  );
}

/** The staff inbox (the cases of the former bench-inbox script: boxes, filters, a deep page, the search box) against a raw page query. */
export function benchInbox(
  db: Database,
  base: string,
  headers: Record<string, string>,
  m: string,
  repeat: number,
) {
  const paths = [
    '',
    '?box=to_register',
    '?box=to_execute',
    '?box=overdue',
    '?status=in_progress',
    '?category=housing',
    '?box=to_decide',
    '?box=overdue&sort=due_asc',
    '?category=social&from=2026-01-01&to=2026-03-31',
    '?offset=5000',
    `?q=${encodeURIComponent('б-77777')}`,
    `?q=${encodeURIComponent('заявитель 4242')}`,
  ].map((q) => `/api/m/zarechny/inbox${q}`);
  const page = `SELECT a.document_id, d.title, d.reg_number, a.status, a.received_at, a.applicant_name FROM appeals a
    JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
    WHERE a.municipality_id = $1 ORDER BY a.received_at DESC LIMIT 50`;
  return compare(db, base, headers, paths, [{ sql: page, params: [m] }], repeat);
}

/** A light authenticated read (the CityScore targets), not cached and not the dashboard. */
const WARM_UP = '/api/m/zarechny/analytics/targets';

/**
 * The analytics dashboard (GET /api/m/:m/analytics/dashboard) over a year, against a raw GROUP BY.
 * Its answers are cached per state of the municipality's data, so each measured request follows an
 * audited change (`change`): the figure is the first, uncached answer after a write, as staff see
 * it. The cached answer (the same paths without changes between) is kept in `cachedP95`.
 */
export async function benchDashboard(
  db: Database,
  base: string,
  headers: Record<string, string>,
  m: string,
  repeat: number,
  change: () => Promise<void>,
): Promise<LatencyFigures & { cachedP95: number }> {
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const paths = ['', '&category=housing', '&period=month'].map(
    (f) => `/api/m/zarechny/analytics/dashboard?from=${from}&to=${to}${f}`,
  );
  const raw = `SELECT category_code, count(*) AS n, count(*) FILTER (WHERE closed_at IS NOT NULL) AS closed FROM appeals
    WHERE municipality_id = $1 AND received_at >= $2::date AND received_at < $3::date + 1 GROUP BY category_code`;
  const cached = await compare(db, base, headers, paths, [{ sql: raw, params: [m, from, to] }], repeat);
  const latencies: number[] = [];
  const byPath = new Map<string, number[]>();
  let failed = 0;
  let firstError: string | null = null;
  for (let i = 0; i < repeat; i++)
    for (const path of paths) {
      await change();
      // A light request first warms the new load process and its connection; the second is measured.
      const r = await loadFromChild({
        base,
        concurrency: 1,
        requests: [WARM_UP, path].map((x) => ({ method: 'GET' as const, path: x, headers })),
      });
      if ((r.statuses['200'] ?? 0) < 2) {
        failed += 1;
        firstError ??= r.firstError;
      }
      latencies.push(r.latencies[1]!);
      byPath.set(path, [...(byPath.get(path) ?? []), r.latencies[1]!]);
    }
  const cases = [...byPath]
    .map(([path, xs]) => ({ path, median: percentile(xs, 50) }))
    .sort((a, b) => b.median - a.median);
  return {
    p95: percentile(latencies, 95),
    rawP95: cached.rawP95,
    requests: latencies.length,
    slowest: cases[0] ?? null,
    cases,
    missing:
      cached.missing ?? (failed ? `${failed} of ${latencies.length} requests failed: ${firstError}` : null),
    cachedP95: cached.p95,
  };
}
