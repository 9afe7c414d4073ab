/**
 * `npm run bench [-- --pg | --all | --quick | --tiny | --appeals N | --intake N …]` (see --help):
 * intake through the HTTP API, search, the staff inbox and the dashboard on generated data that
 * looks like real appeals, each against raw SQL on the same database in the same run. Writes
 * bench/results/latest.json and prints a table. Not part of `npm test`; see docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbRun } from './lib/measure.ts';
import { parseOptions, type DbMode } from './lib/options.ts';
import { machineInfo, table, writeResults } from './lib/report.ts';

const args = process.argv.slice(2);
const child = process.env.BENCH_CHILD as DbMode | undefined;
const log = (m: string) => console.error(`[bench] ${m}`);

if (child) {
  // One database, in this process; the parent reads the part file.
  const { measureOn } = await import('./lib/measure.ts');
  const run = await measureOn(child, parseOptions(args), log);
  writeResults(new URL(`file://${process.env.BENCH_PART}`), run);
  process.exit(0);
}

const options = parseOptions(args);
const started = Date.now();
const runs: DbRun[] = [];
for (const mode of options.modes) {
  const part = join(tmpdir(), `zemstvo-bench-${process.pid}-${mode}.json`);
  const script = fileURLToPath(import.meta.url);
  const node = [...process.execArgv, script, ...args];
  // PostgreSQL without DATABASE_URL: a throw-away server from the Debian binaries.
  const [cmd, cmdArgs] =
    mode === 'postgres' && !process.env.DATABASE_URL
      ? [
          'bash',
          [fileURLToPath(new URL('../scripts/with-postgres.sh', import.meta.url)), process.execPath, ...node],
        ]
      : [process.execPath, node];
  const code = await new Promise<number>((resolve) => {
    const p = spawn(cmd, cmdArgs, {
      stdio: 'inherit',
      env: { ...process.env, BENCH_CHILD: mode, BENCH_PART: part },
    });
    p.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    log(`${mode}: the run failed (exit ${code})`);
    process.exitCode = 1;
    continue;
  }
  runs.push(JSON.parse(readFileSync(part, 'utf8')) as DbRun);
  rmSync(part, { force: true });
}

const results = {
  machine: {
    ...machineInfo(runs.map((r) => r.db).join('+'), runs.map((r) => `${r.db} ${r.db_version}`).join(', ')),
    runs: runs.map(({ db, db_version, sizes, phases }) => ({ db, db_version, sizes, phases })),
    total_seconds: Math.round((Date.now() - started) / 1000),
    finished_at: new Date().toISOString(),
  },
  metrics: runs.flatMap((r) => r.metrics),
};
writeResults(options.out, results);
console.log(table(results.metrics));
for (const m of results.metrics)
  if (m.cases?.length)
    console.log(
      `${m.name} per case (median ms): ${m.cases.map((c) => `${c.path || '(all)'} ${c.median_ms}`).join('; ')}`,
    );
for (const r of runs)
  console.log(`${r.db} ${r.db_version}: ${JSON.stringify(r.sizes)}; seconds ${JSON.stringify(r.phases)}`);
console.log(`results: ${fileURLToPath(options.out)} (${results.machine.total_seconds} s)`);
