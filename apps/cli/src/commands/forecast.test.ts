import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, killAllChildren, REPO_ROOT, runCli } from '../testing/cli-process.ts';

// `zemstvo forecast` as a child process on the committed sample (Oct 2020 – Jan 2021).
const SAMPLE = join(REPO_ROOT, 'data/samples/spb-appeals-sample.jsonl.gz');
const dir = mkdtempSync(join(tmpdir(), 'zemstvo-forecast-cli-'));
afterAll(async () => {
  await killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

const readLines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const mondays = (from: string, n: number) =>
  Array.from({ length: n }, (_, k) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + k * 7 * 86_400_000).toISOString().slice(0, 10),
  );

describe('zemstvo forecast', { timeout: 120_000 }, () => {
  it('writes one line per category and week with forecast and interval, and the back-test to stderr', async () => {
    const out = join(dir, 'forecast.jsonl');
    const res = await runCli(
      ['forecast', '--input', SAMPLE, '--by', 'category', '--horizon', '12', '--output', out],
      {},
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(
      '180 forecasts (15 × 12 weeks from 2021-02-01, 90 % intervals) from 15 complete weeks',
    );
    const lines = readLines(out);
    expect(lines).toHaveLength(15 * 12);
    const byCategory = new Map<string, Record<string, unknown>[]>();
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['category', 'week_start', 'forecast', 'lo', 'hi']);
      const [f, lo, hi] = [l.forecast, l.lo, l.hi] as number[];
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(lo).toBeLessThanOrEqual(f!);
      expect(hi).toBeGreaterThanOrEqual(f!);
      const c = l.category as string;
      byCategory.set(c, [...(byCategory.get(c) ?? []), l]);
    }
    expect(byCategory.size).toBe(15);
    for (const weeks of byCategory.values())
      expect(weeks.map((w) => w.week_start)).toEqual(mondays('2021-02-01', 12));
    // The sample holds a tenth of the appeals: the biggest category has about 100 a week.
    const big = byCategory.get('Благоустройство')![0]!.forecast as number;
    expect(big).toBeGreaterThan(50);
    expect(big).toBeLessThan(200);

    expect(res.stderr).toContain('Back-test, rolling origin, 1–4 weeks ahead');
    expect(res.stderr).toMatch(/\(all\)\s+22\s+\d+\.\d/);
  });

  it('forecasts per district, writes the back-test as JSON, or skips it', async () => {
    const out = join(dir, 'by-district.jsonl');
    const json = join(dir, 'backtest.json');
    const res = await runCli(
      [
        'forecast',
        '-i',
        SAMPLE,
        '--by',
        'district',
        '--horizon',
        '4',
        '-o',
        out,
        '--backtest-output',
        json,
        '--level',
        '0.8',
      ],
      {},
    );
    expect(res.code, res.stderr).toBe(0);
    expect(Object.keys(readLines(out)[0]!)).toEqual(['district', 'week_start', 'forecast', 'lo', 'hi']);
    const backtest = JSON.parse(readFileSync(json, 'utf8')) as {
      group: string;
      model: { mae: number };
      naive: { mae: number };
    }[];
    expect(backtest.at(-1)!.group).toBe('*');
    expect(backtest.length).toBe(new Set(readLines(out).map((l) => l.district)).size + 1);

    const quiet = await runCli(['forecast', '-i', SAMPLE, '-o', out, '--no-backtest'], {});
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toContain('Back-test');
  });

  it('refuses bad input with the line number (exit 1) and bad usage with exit 64', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"created_at":"2020-11-01T10:00:00","category":"Кровля"}\n{"category":"Кровля"}\n');
    const res = await runCli(['forecast', '-i', bad, '-o', join(dir, 'x.jsonl')], {});
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      `${bad}, line 2: "created_at" is missing or not an ISO date-time [invalid_input_line]`,
    );
    expect(hasStackTrace(res.stderr)).toBe(false);

    const short = await runCli(['forecast', '-i', bad, '-o', join(dir, 'x.jsonl'), '--skip-invalid'], {});
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('[too_little_history]');

    const usage = await runCli(['forecast', '-i', SAMPLE, '-o', join(dir, 'x.jsonl'), '--horizon', '0'], {});
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain('A whole number from 1 to 52 is needed');
    const help = await runCli(['forecast', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('"week_start":"YYYY-MM-DD"');
  });
});
