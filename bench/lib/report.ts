import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { round } from './stats.ts';

export interface Metric {
  name: string;
  value: number | null;
  unit: string;
  baseline: string | null;
  baseline_value: number | null;
  /** value / baseline_value (how the real path compares with the raw SQL on the same database). */
  ratio: number | null;
  /** The goal, for the table (e.g. `>= 200`), and why a metric has no value. */
  goal?: string;
  note?: string;
  /** For latency metrics: each case's median in ms, slowest first (which case dominates). */
  cases?: { path: string; median_ms: number }[];
}

export interface Machine {
  cpus: number;
  cpu_model: string;
  mem_gb: number;
  node: string;
  os: string;
  db: string;
  db_version: string;
}

export function machineInfo(db: string, dbVersion: string): Machine {
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    mem_gb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    db,
    db_version: dbVersion,
  };
}

export function metric(
  name: string,
  value: number | null,
  unit: string,
  baseline: string | null = null,
  baselineValue: number | null = null,
  extra: Pick<Metric, 'goal' | 'note' | 'cases'> = {},
): Metric {
  const ratio = value !== null && baselineValue ? round(value / baselineValue, 3) : null;
  return {
    name,
    value: value === null ? null : round(value, 2),
    unit,
    baseline,
    baseline_value: baselineValue === null ? null : round(baselineValue, 2),
    ratio,
    ...extra,
  };
}

export function writeResults(file: URL, results: object): void {
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** A readable table of the metrics. */
export function table(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [
    m.name,
    m.value === null ? '—' : `${m.value} ${m.unit}`,
    m.baseline_value === null ? '—' : `${m.baseline_value} ${m.unit}`,
    m.ratio === null ? '—' : String(m.ratio),
    m.goal ?? '',
    m.note ?? '',
  ]);
  const head = ['metric', 'value', 'baseline (raw SQL)', 'ratio', 'goal', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
