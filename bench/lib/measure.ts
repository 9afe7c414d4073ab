import { auditedChange } from './change.ts';
import { findTarget, generateAppeals } from './generate.ts';
import { benchIntake } from './intake.ts';
import { intakeFor, type BenchOptions, type DbMode, type Measurement } from './options.ts';
import { benchDashboard, benchInbox, benchSearch, type LatencyFigures } from './queries.ts';
import { metric, type Metric } from './report.ts';
import { loadSample, SEARCH_QUERIES } from './sample.ts';
import { startServer } from './session.ts';
import { round } from './stats.ts';

export interface DbRun {
  db: DbMode;
  db_version: string;
  sizes: { appeals: number; intake: number; concurrency: number };
  /** Seconds per phase (data generation, each measurement). */
  phases: Record<string, number>;
  metrics: Metric[];
}

const GOALS = {
  pglite: { intake: '>= 200/s', search: '<= 150 ms' },
  postgres: { intake: '>= 1000/s', search: '<= 50 ms' },
};

const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/** Everything measured on one database, in one process (so the PGlite server's RSS is its own). */
export async function measureOn(mode: DbMode, o: BenchOptions, log: (m: string) => void): Promise<DbRun> {
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    log(`${mode}: ${name}…`);
    try {
      return await fn();
    } finally {
      phases[name] = round((performance.now() - t) / 1000, 1);
    }
  };
  const server = await phase('start', () =>
    startServer(mode, process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null),
  );
  try {
    const db = server.platform.db;
    const [v] = await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const target = await findTarget(db);
    const sample = loadSample();
    const n = o.appeals[mode];
    const gen = await phase('generate', () => generateAppeals(db, target, sample, n, log));
    for (const [name, s] of Object.entries(gen)) phases[`generate.${name}`] = round(s, 1);
    const registrar = await server.login('registrar@zarechny.demo.zemstvo.ru');
    const analyst = await server.login('analyst@zarechny.demo.zemstvo.ru');
    const residents = [
      await server.login('resident@demo.zemstvo.ru'),
      await server.login('resident2@demo.zemstvo.ru'),
    ];
    const size = `${k(n)} appeals`;

    const runs = <T>(name: Measurement, fn: () => Promise<T>): Promise<T | null> =>
      o.only.has(name) ? phase(name, fn) : Promise.resolve(null);
    const search = await runs('search', () =>
      benchSearch(db, server.base, registrar, target.municipalityId, SEARCH_QUERIES, o.repeat),
    );
    const inbox = await runs('inbox', () =>
      benchInbox(db, server.base, registrar, target.municipalityId, o.repeat),
    );
    const dashboard = await runs('dashboard', () =>
      benchDashboard(db, server.base, analyst, target.municipalityId, o.repeat, () =>
        auditedChange(server.platform, 'zarechny'),
      ),
    );
    const intakes = o.only.has('intake') ? intakeFor(o, mode) : 0;
    const intake = await runs('intake', () =>
      benchIntake(db, server.base, residents, target, sample, intakes, o.concurrency),
    );

    const short = (path: string) => decodeURIComponent(path.replace('/api/m/zarechny/', ''));
    const latency = (name: string, f: LatencyFigures, baseline: string, goal: string) =>
      metric(`${mode}.${name}.p95`, f.missing ? null : f.p95, 'ms', baseline, f.rawP95, {
        goal,
        cases: f.cases.map((c) => ({ path: short(c.path), median_ms: round(c.median) })),
        note:
          f.missing ??
          `${size}, ${f.requests} requests; slowest: ${short(f.slowest?.path ?? '')} (median ${round(f.slowest?.median ?? 0)} ms)`,
      });
    const metrics: Metric[] = [];
    if (intake) {
      const failedIntakes = intakes - (intake.statuses['201'] ?? 0);
      metrics.push(
        metric(
          `${mode}.intake.rate`,
          intake.rate,
          'appeals/s',
          'raw SQL INSERT documents+appeals, 1 tx per appeal',
          intake.rawRate,
          {
            goal: `${GOALS[mode].intake}, ratio >= 0.25`,
            note: `${intakes} via HTTP, ${o.concurrency} in flight, into ${size}${failedIntakes ? `; ${failedIntakes} failed: ${intake.firstError}` : ''}`,
          },
        ),
        metric(
          `${mode}.intake.p99`,
          intake.p99,
          'ms',
          'raw SQL INSERT documents+appeals, 1 tx per appeal',
          intake.rawP99,
        ),
      );
    }
    if (search)
      metrics.push(
        latency(
          'search',
          search,
          'raw tsv @@ websearch_to_tsquery ORDER BY ts_rank LIMIT 20',
          GOALS[mode].search,
        ),
      );
    if (inbox)
      metrics.push(
        latency(
          'inbox',
          inbox,
          'raw page query: appeals JOIN documents ORDER BY received_at LIMIT 50',
          '<= 100 ms at 1M',
        ),
      );
    if (dashboard) {
      const m = latency('dashboard', dashboard, 'raw GROUP BY category over a year', '<= 200 ms at 1M');
      m.note = `${m.note}; each request after an audited change (uncached); cached p95 ${round(dashboard.cachedP95)} ms`;
      metrics.push(m);
    }
    if (mode === 'pglite')
      metrics.push(
        metric('pglite.server_rss', process.memoryUsage().rss / 2 ** 20, 'MB', null, null, {
          note: 'the server process at the end of the run',
        }),
      );
    return {
      db: mode,
      db_version: v?.v ?? '?',
      sizes: { appeals: n, intake: intakes, concurrency: o.concurrency },
      phases,
      metrics,
    };
  } finally {
    await server.close();
  }
}
