import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { LocalDiskStorage, type FileStorage } from '@zemstvo/storage';
import { ManualClock, type Clock } from '@zemstvo/kernel';
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Headers for an authenticated request (cookie, and the CSRF token for unsafe methods). */
  headers: Record<string, string>;
}

export interface TestPlatform extends Platform {
  clock: Clock;
  loginAs(email: string, password?: string): Promise<TestSession>;
}

/**
 * A whole platform on a fresh test database with the demo region, for http-tier tests (inject);
 * files on a fresh temp folder unless `storage` is given (an S3 bucket of a test S3 server); no web
 * app unless `webDir` names a built one.
 */
export async function createTestPlatform(
  opts: { clock?: Clock; demo?: boolean; storage?: FileStorage; webDir?: string } = {},
): Promise<TestPlatform> {
  const clock = opts.clock ?? new ManualClock(new Date());
  const db = await openTestDatabase({ demo: opts.demo ?? true });
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: opts.demo === false ? 'false' : 'true',
    LOG_LEVEL: 'silent',
  });
  const storage = opts.storage ?? new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'zemstvo-test-files-')));
  const platform = await createPlatform(config, {
    clock,
    db,
    webDir: opts.webDir ?? '/nonexistent',
    storage,
  });
  return {
    ...platform,
    clock,
    async loginAs(email, password = DEMO_PASSWORD) {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
      });
      if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
      return sessionFrom(res);
    },
  };
}

export function sessionFrom(res: LightMyRequestResponse): TestSession {
  const c = res.cookies.find((x) => x.name === 'zs_session');
  if (!c) throw new Error('no session cookie');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const cookie = `zs_session=${c.value}`;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
