import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helpers that run the real `zemstvo` command in child processes. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CLI_BIN = fileURLToPath(new URL('../../bin/zemstvo.js', import.meta.url));

export type CliEnv = Record<string, string>;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const running = new Set<ChildProcess>();
let spareDataDir: string | null = null;

/**
 * The environment of a child: ours without database settings, quiet logs, plus `env`. A child on
 * DATABASE_URL still gets a temp DATA_DIR, so that nothing (stored files…) lands in the repository.
 */
function childEnv(env: CliEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'FILES_DIR', 'PORT', 'HOST', 'SEED_DEMO', 'NODE_OPTIONS'])
    delete base[k];
  spareDataDir ??= mkdtempSync(join(tmpdir(), 'zemstvo-cli-data-'));
  return { ...base, LOG_LEVEL: 'warn', NODE_ENV: 'test', TZ: 'UTC', DATA_DIR: spareDataDir, ...env };
}

function spawnCli(args: readonly string[], env: CliEnv): ChildProcess {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Runs `zemstvo ARGS…` to completion; `input` is written to its standard input. */
export function runCli(args: readonly string[], env: CliEnv, input = ''): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin!.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Sends a signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `zemstvo start --port 0` (a free port chosen by the system) on the given database; resolves
 * once it printed its URL and answers /readyz with 200.
 */
export async function startServer(env: CliEnv, timeoutMs = 120_000): Promise<ServerProcess> {
  const child = spawnCli(['start', '--port', '0'], { HOST: '127.0.0.1', ...env });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stdin!.end();
  let ended = false;
  void exited.then(() => (ended = true));

  const deadline = Date.now() + timeoutMs;
  let url: string | null = null;
  while (Date.now() < deadline && !ended) {
    url ??= /Zemstvo is running at (http:\/\/\S+)/.exec(output)?.[1] ?? null;
    if (url && (await isReady(url))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!url || ended || Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`zemstvo start did not become ready${ended ? ' (it exited)' : ''}:\n${output}`);
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    async stop(signal) {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`);
    return res.status === 200;
  } catch {
    return false;
  }
}

/** For afterAll: kills every child these helpers started that is still running; removes the spare DATA_DIR. */
export async function killAllChildren(): Promise<void> {
  const waits = [...running].map(
    (c) =>
      new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        c.on('exit', () => resolve());
        c.kill('SIGKILL');
      }),
  );
  await Promise.all(waits);
  if (spareDataDir) rmSync(spareDataDir, { recursive: true, force: true });
  spareDataDir = null;
}

/** A stack trace in the output means an error escaped the command's error handling. */
export const hasStackTrace = (text: string): boolean => /\n\s+at .+:\d+:\d+/.test(text);
