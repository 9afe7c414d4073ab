import { afterAll, beforeAll } from 'vitest';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { killAllChildren } from './cli-process.ts';

/**
 * One scratch database for a CLI test file (PGlite, or PostgreSQL under `npm run test:pg`): made
 * before the file's tests, disposed of after them with every child process the tests started.
 */
export function useScratchTarget(): {
  env: () => ScratchTarget['env'];
  query: <T extends object>(text: string, params?: unknown[]) => Promise<T[]>;
} {
  let target: ScratchTarget | undefined;
  beforeAll(async () => {
    target = await createScratchTarget();
  });
  afterAll(async () => {
    await killAllChildren();
    await target?.dispose();
  });
  const ready = (): ScratchTarget => {
    if (!target) throw new Error('the scratch database is made in beforeAll');
    return target;
  };
  return {
    env: () => ready().env,
    /** One statement on a fresh connection, closed after it (the CLI children hold their own). */
    async query<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
      const db = await ready().open();
      try {
        return await db.query<T>(text, params);
      } finally {
        await db.close();
      }
    },
  };
}
