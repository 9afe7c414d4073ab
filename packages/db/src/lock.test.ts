import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '@zemstvo/kernel';
import { DataDirLock } from './lock.ts';
import { openPglite } from './pglite.ts';

// PGlite has no lock of its own; ours keeps a second process off a data directory in use.
const CLI = fileURLToPath(new URL('../../../apps/cli/bin/zemstvo.js', import.meta.url));
const dirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'zemstvo-lock-'));
  dirs.push(d);
  return d;
}

/** `zemstvo migrate` in another process on DATA_DIR=dataDir. */
function migrateIn(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'migrate'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The pid of a process that existed and is gone now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => child.once('spawn', r));
  const pid = child.pid!;
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return pid;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('PGlite data-directory lock', { timeout: 240_000 }, () => {
  it('makes a second process refuse the data directory with data_dir_locked and exit code 1', async () => {
    const dataDir = tempDir();
    const db = await openPglite({ dataDir });
    try {
      await db.query('CREATE TABLE held (x int)');
      const res = await migrateIn(dataDir);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('[data_dir_locked]');
      expect(res.stderr).toContain(`pid ${process.pid}`);
      expect(res.stderr).not.toMatch(/\n\s+at /);
      // The holder is unharmed.
      expect(await db.query('SELECT count(*)::int AS n FROM held')).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
    expect(existsSync(join(dataDir, 'zemstvo.lock'))).toBe(false);
    // Released: the other process gets it now.
    const again = await migrateIn(dataDir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Migrations applied');
  });

  it('takes over a lock left by a killed process', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'zemstvo.lock'), `${await deadPid()}\n`);
    const res = await migrateIn(dataDir);
    expect(res.code, res.stderr).toBe(0);
    expect(existsSync(join(dataDir, 'zemstvo.lock'))).toBe(false);
  });

  it('refuses a lock held by a live process, and opening one directory twice in this process', async () => {
    const dataDir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => other.once('spawn', r));
      writeFileSync(join(dataDir, 'zemstvo.lock'), `${other.pid}\n`);
      expect(() => DataDirLock.acquire(dataDir)).toThrow(/in use by another Zemstvo process/);
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    const lock = DataDirLock.acquire(dataDir); // the holder is gone now
    expect(readFileSync(join(dataDir, 'zemstvo.lock'), 'utf8').trim()).toBe(String(process.pid));
    let error: unknown = null;
    try {
      DataDirLock.acquire(dataDir);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('data_dir_locked');
    lock.release();
    expect(existsSync(join(dataDir, 'zemstvo.lock'))).toBe(false);
  });

  it('treats a lock with its own pid as stale when this process does not hold it (pid reused after a restart)', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'zemstvo.lock'), `${process.pid}\n`);
    const lock = DataDirLock.acquire(dataDir);
    lock.release();
    expect(existsSync(join(dataDir, 'zemstvo.lock'))).toBe(false);
  });
});
