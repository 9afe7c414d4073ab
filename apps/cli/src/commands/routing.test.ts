import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { hasStackTrace, killAllChildren, REPO_ROOT, runCli } from '../testing/cli-process.ts';

// `zemstvo routing train | predict | eval` as child processes on the committed sample of the
// St. Petersburg appeals (3,000 appeals, Oct 2020 – Jan 2021).
const SAMPLE = join(REPO_ROOT, 'data/samples/spb-appeals-sample.jsonl.gz');
const dir = mkdtempSync(join(tmpdir(), 'zemstvo-routing-cli-'));
const model = join(dir, 'routing.model');

interface SampleRow {
  id: number;
  created_at: string;
  category: string;
  reason: string;
  executor_org: string | null;
}
const sample: SampleRow[] = gunzipSync(readFileSync(SAMPLE))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as SampleRow);

const readLines = (path: string): Record<string, unknown>[] => {
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
};

beforeAll(async () => {
  const res = await runCli(['routing', 'train', '--input', SAMPLE, '--output', model], {});
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout).toMatch(
    /Routing model written to .*routing\.model \(\d+\.\d\d MB\): 3000 appeals, 15 categories/,
  );
});
afterAll(async () => {
  await killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

describe('zemstvo routing', { timeout: 180_000 }, () => {
  it('predict writes one line per appeal: id and the top 3 of each field, best first', async () => {
    const out = join(dir, 'suggestions.jsonl.gz');
    const res = await runCli(
      ['routing', 'predict', '--model', model, '--input', SAMPLE, '--output', out, '--confidence'],
      {},
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`3000 appeals routed → ${out}`);
    const lines = readLines(out);
    expect(lines.map((l) => l.id)).toEqual(sample.map((r) => r.id));
    const categories = new Set(sample.map((r) => r.category));
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['id', 'category', 'reason', 'executor_org', 'confidence']);
      for (const field of ['category', 'reason', 'executor_org'] as const) {
        const labels = l[field] as string[];
        expect(labels).toHaveLength(3);
        expect(new Set(labels).size).toBe(3);
        const conf = (l.confidence as Record<string, number[]>)[field]!;
        expect(conf).toEqual([...conf].sort((a, b) => b - a));
      }
      expect(categories.has((l.category as string[])[0]!)).toBe(true);
    }
    // The appeals it was trained on: the first suggestion is nearly always right.
    const hits = lines.filter((l, i) => (l.category as string[])[0] === sample[i]!.category).length;
    expect(hits / lines.length).toBeGreaterThan(0.95);
  });

  it('predict writes exactly the issue’s shape by default, plain JSON lines for .jsonl', async () => {
    const input = join(dir, 'new.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a1', text: 'Не убран снег во дворе, скользко', district: 'Невский' }),
        JSON.stringify({
          id: 'a2',
          text: 'Не горит фонарь на улице',
          district: 'Выборгский',
          lat: '60.05',
          lon: '30.33',
        }),
      ].join('\n'),
    );
    const out = join(dir, 'new-suggestions.jsonl');
    const res = await runCli(['routing', 'predict', '-m', model, '-i', input, '-o', out, '--top', '2'], {});
    expect(res.code, res.stderr).toBe(0);
    const lines = readLines(out);
    expect(lines.map((l) => Object.keys(l))).toEqual([
      ['id', 'category', 'reason', 'executor_org'],
      ['id', 'category', 'reason', 'executor_org'],
    ]);
    expect(lines[0]!.id).toBe('a1');
    expect(lines[0]!.category).toHaveLength(2);
    expect((lines[0]!.executor_org as string[]).some((e) => e.includes('Невского'))).toBe(true);
  });

  it('eval trains before the split date and reports accuracies, top-3, timings and the model size', async () => {
    const res = await runCli(
      ['routing', 'eval', '--input', SAMPLE, '--split-date', '2021-01-01', '--json'],
      {},
    );
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout) as {
      train: { rows: number };
      test: { rows: number };
      heads: Record<string, { n: number; top1: number; top3: number }>;
      msPerPrediction: number;
      training: { milliseconds: number; cpuMilliseconds: number };
      modelBytes: number;
    };
    expect(report.train.rows + report.test.rows).toBe(3000);
    expect(report.test.rows).toBe(sample.filter(isJanuary).length);
    expect(report.heads.category!.top1).toBeGreaterThan(0.85);
    expect(report.heads.executor!.n).toBe(
      sample.filter((r) => isJanuary(r) && r.executor_org !== null).length,
    );
    for (const h of Object.values(report.heads)) expect(h.top3).toBeGreaterThanOrEqual(h.top1);
    expect(report.msPerPrediction).toBeGreaterThan(0);
    expect(report.training.cpuMilliseconds).toBeGreaterThan(0);
    expect(report.modelBytes).toBeGreaterThan(10_000);

    const table = await runCli(['routing', 'eval', '-i', SAMPLE, '--split-date', '2021-01-01'], {});
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/category\s+\d+\s+\d+\.\d %\s+\d+\.\d %/);
    expect(table.stdout).toMatch(/executor_org\s+\d+/);
    expect(table.stdout).toMatch(/ms per appeal; model file: \d+\.\d\d MB/);
  });

  it('stops at an invalid line with its number (exit 1), or skips and counts it with --skip-invalid', async () => {
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, '{"id":1,"text":"яма на дороге"}\n{"id":2}\n{"id":3,"text":"фонарь"}\n');
    const out = join(dir, 'bad-out.jsonl');
    const strict = await runCli(['routing', 'predict', '-m', model, '-i', input, '-o', out], {});
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${input}, line 2: "text" is missing (a string) [invalid_input_line]`);
    expect(hasStackTrace(strict.stderr)).toBe(false);

    const lenient = await runCli(
      ['routing', 'predict', '-m', model, '-i', input, '-o', out, '--skip-invalid'],
      {},
    );
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toContain('1 invalid line(s)');
    expect(readLines(out).map((l) => l.id)).toEqual([1, 3]);
  });

  it('refuses missing files, files that are not models and data without labels (exit 1, no stack trace)', async () => {
    const missing = await runCli(
      ['routing', 'train', '-i', join(dir, 'none.jsonl'), '-o', join(dir, 'x')],
      {},
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Input file .*none\.jsonl not found \[input_not_found\]/);

    const notModel = await runCli(
      ['routing', 'predict', '-m', SAMPLE, '-i', SAMPLE, '-o', join(dir, 'y.jsonl')],
      {},
    );
    expect(notModel.code).toBe(1);
    expect(notModel.stderr).toContain('[bad_model_file]');

    const unlabelled = join(dir, 'unlabelled.jsonl');
    writeFileSync(unlabelled, '{"id":1,"text":"яма"}\n');
    const noLabels = await runCli(['routing', 'train', '-i', unlabelled, '-o', join(dir, 'z')], {});
    expect(noLabels.code).toBe(1);
    expect(noLabels.stderr).toContain('[no_training_labels]');
    for (const r of [missing, notModel, noLabels]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('answers bad usage with exit 64 and has --help for every command', async () => {
    const noOutput = await runCli(['routing', 'predict', '-m', model, '-i', SAMPLE], {});
    expect(noOutput.code).toBe(64);
    expect(noOutput.stderr).toContain("required option '-o, --output <file>' not specified");
    const badDate = await runCli(['routing', 'eval', '-i', SAMPLE, '--split-date', '2021-02-30'], {});
    expect(badDate.code).toBe(64);
    expect(badDate.stderr).toContain('A date YYYY-MM-DD is needed');
    for (const sub of ['train', 'predict', 'eval']) {
      const help = await runCli(['routing', sub, '--help'], {});
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: zemstvo routing ${sub}`);
      expect(help.stdout).toContain('Example:');
    }
  });
});

function isJanuary(r: SampleRow): boolean {
  return r.created_at >= '2021-01-01';
}
