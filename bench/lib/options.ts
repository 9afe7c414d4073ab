import { parseArgs } from 'node:util';

export type DbMode = 'pglite' | 'postgres';

export interface BenchOptions {
  /** Which databases to run on, in order. */
  modes: DbMode[];
  /** Appeals generated before measuring (each is also a search document). */
  appeals: Record<DbMode, number>;
  intake: number;
  concurrency: number;
  /** Passes over the query lists for the latency metrics. */
  repeat: number;
  /** The measurements to run (default all of them). */
  only: ReadonlySet<Measurement>;
  out: URL;
}

export const MEASUREMENTS = ['search', 'inbox', 'dashboard', 'intake'] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

const HELP = `npm run bench [-- OPTIONS]
  (default)            PGlite, 100,000 appeals/search documents (the issue's sizes)
  --pg                 PostgreSQL: DATABASE_URL, else a throw-away server (scripts/with-postgres.sh), 1,000,000
  --all                PGlite, then PostgreSQL, into one results file
  --appeals N          appeals (search documents) to generate, for every database
  --search-docs N      the same as --appeals (an appeal is a search document)
  --intake N           appeals filed through the HTTP API (default 1,000 on PGlite, 4,000 on PostgreSQL)
  --concurrency N      requests in flight during intake (default 8)
  --repeat N           passes over the query lists (default 5)
  --quick              10,000 appeals, 300 intakes, 2 passes
  --tiny               200 appeals, 40 intakes, 1 pass (the smoke test)
  --only LIST          comma-separated subset of: search,inbox,dashboard,intake (default all)
  --out FILE           results file (default bench/results/latest.json)`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      pg: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      appeals: { type: 'string' },
      'search-docs': { type: 'string' },
      intake: { type: 'string' },
      concurrency: { type: 'string' },
      repeat: { type: 'string' },
      quick: { type: 'boolean', default: false },
      tiny: { type: 'boolean', default: false },
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const num = (v: string | undefined, name: string): number | null => {
    if (v === undefined) return null;
    const n = Number(v.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive integer`);
    return n;
  };
  const size = values.tiny ? 200 : values.quick ? 10_000 : null;
  const fixed = num(values.appeals, 'appeals') ?? num(values['search-docs'], 'search-docs') ?? size;
  const modes: DbMode[] = values.all
    ? ['pglite', 'postgres']
    : values.pg || process.env.DATABASE_URL
      ? ['postgres']
      : ['pglite'];
  const intake = num(values.intake, 'intake') ?? (values.tiny ? 40 : values.quick ? 300 : 0);
  const only = (values.only ?? MEASUREMENTS.join(',')).split(',').map((m) => m.trim());
  const unknown = only.filter((m) => !(MEASUREMENTS as readonly string[]).includes(m));
  if (unknown.length || !only.length)
    throw new Error(
      `--only takes a comma-separated subset of ${MEASUREMENTS.join(',')}; got ${unknown.join(',')}`,
    );
  return {
    modes,
    only: new Set(only as Measurement[]),
    appeals: { pglite: fixed ?? 100_000, postgres: fixed ?? 1_000_000 },
    intake,
    concurrency: num(values.concurrency, 'concurrency') ?? 8,
    repeat: num(values.repeat, 'repeat') ?? (values.tiny ? 1 : values.quick ? 2 : 5),
    out: values.out
      ? new URL(values.out, `file://${process.cwd()}/`)
      : new URL('../results/latest.json', import.meta.url),
  };
}

/** Intakes for a database when not given: 1,000 on PGlite, 4,000 on PostgreSQL. */
export const intakeFor = (o: BenchOptions, mode: DbMode) => o.intake || (mode === 'pglite' ? 1_000 : 4_000);
