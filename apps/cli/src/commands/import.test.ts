import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasStackTrace, killAllChildren, REPO_ROOT, runCli } from '../testing/cli-process.ts';

// `zemstvo import appeals` as a child process: usage and refusals. The import itself is tested on a
// test database in apps/server/src/import/import-appeals-file.test.ts, and the demo's first start runs it.
const SAMPLE = join(REPO_ROOT, 'data/samples/spb-appeals-sample.jsonl.gz');
const empty = mkdtempSync(join(tmpdir(), 'zemstvo-import-cli-'));
afterAll(async () => {
  await killAllChildren();
  rmSync(empty, { recursive: true, force: true });
});

describe('zemstvo import appeals', { timeout: 60_000 }, () => {
  it('explains itself and refuses bad usage with a human message and a non-zero exit', async () => {
    const help = await runCli(['import', 'appeals', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format <format>');
    expect(help.stdout).toContain('zemstvo import appeals --format spb');

    const format = await runCli(
      ['import', 'appeals', '--format', 'csv', SAMPLE, '--municipality', 'zarechny'],
      {},
    );
    expect(format.code).toBe(64);
    expect(format.stderr).toContain("argument 'csv' is invalid. Allowed choices are spb");

    const missing = await runCli(
      ['import', 'appeals', '--format', 'spb', join(empty, 'none.jsonl.gz'), '--municipality', 'zarechny'],
      {},
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/zemstvo: Input file .*none\.jsonl\.gz .*\[input_not_found\]/);

    const noDb = await runCli(
      ['import', 'appeals', '--format', 'spb', SAMPLE, '--municipality', 'zarechny'],
      { DATA_DIR: empty },
    );
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toContain('[no_database]');
    for (const r of [format, missing, noDb]) expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
