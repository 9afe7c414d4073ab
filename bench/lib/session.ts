import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '@zemstvo/db';
import { newId } from '@zemstvo/kernel';
import { LocalDiskStorage } from '@zemstvo/storage';
import { loadConfig } from '@zemstvo/server/config';
import { createPlatform, type Platform } from '@zemstvo/server/platform';
import { openTestDatabase, sessionFrom } from '@zemstvo/server/testing';
import { DEMO_PASSWORD } from '@zemstvo/server/seed/demo-data';
import type { DbMode } from './options.ts';

export interface BenchServer {
  platform: Platform;
  base: string;
  login(email: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

const env = (databaseUrl?: string) =>
  loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    METRICS_TOKEN: 'bench-metrics-token-0000',
    AUTH_RATE_LIMIT_PER_IP: '1000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });

/**
 * The platform as `zemstvo start` runs it (production settings, job worker, listening on a free
 * port) with the demo region: on an in-memory PGlite (from the migrated demo dump), or on a new
 * database of the PostgreSQL server at `serverUrl`, dropped at close.
 */
export async function startServer(mode: DbMode, serverUrl: string | null): Promise<BenchServer> {
  const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'zemstvo-bench-files-')));
  let platform: Platform;
  let dropDatabase = async () => {};
  if (mode === 'pglite') {
    const previous = process.env.TEST_DATABASE_URL;
    delete process.env.TEST_DATABASE_URL;
    const db: Database = await openTestDatabase({ demo: true });
    if (previous !== undefined) process.env.TEST_DATABASE_URL = previous;
    platform = await createPlatform(env(), { db, storage, webDir: '/nonexistent' });
  } else {
    if (!serverUrl)
      throw new Error('PostgreSQL mode needs DATABASE_URL (or run under scripts/with-postgres.sh)');
    const admin = await openDatabase({ url: serverUrl, dataDir: '', poolSize: 1 });
    const name = `zbench_${newId().replaceAll('-', '').slice(0, 16)}`;
    await admin.exec(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    platform = await createPlatform(env(url.toString()), { storage, webDir: '/nonexistent' });
    dropDatabase = async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
      await admin.close();
    };
  }
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  platform.worker.start();
  return {
    platform,
    base: address,
    async login(email) {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: DEMO_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
      return sessionFrom(res).headers;
    },
    async close() {
      await platform.close();
      await dropDatabase();
    },
  };
}
