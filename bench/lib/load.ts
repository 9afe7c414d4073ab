import { fork } from 'node:child_process';
import type { LoadPlan, LoadResult } from './http-load.ts';

export type { LoadPlan, LoadResult, PlannedRequest } from './http-load.ts';

/** Runs a load plan in a child process (inheriting tsx's loader) and returns what it measured. */
export function loadFromChild(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./http-load.ts', import.meta.url), [], {
      execArgv: process.execArgv,
      serialization: 'advanced',
    });
    let result: LoadResult | null = null;
    child.on('message', (m: LoadResult) => (result = m));
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the load generator exited with ${code}`)),
    );
    child.send(plan);
  });
}
