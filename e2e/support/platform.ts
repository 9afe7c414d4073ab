import type { AddressInfo } from 'node:net';
import { createPlatform, loadConfig, WEB_DIST, type Platform } from '@zemstvo/server';
import { openTestDatabase } from '@zemstvo/server/testing/index';

export interface RunningPlatform {
  platform: Platform;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real server, in this process, on a free port of 127.0.0.1, serving the built web app
 * (`npm run build:web`) over a fresh test database with the demo region.
 */
export async function startPlatform(): Promise<RunningPlatform> {
  const db = await openTestDatabase({ demo: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const platform = await createPlatform(config, { db, webDir: WEB_DIST });
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = platform.app.server.address() as AddressInfo;
  return { platform, baseUrl: `http://127.0.0.1:${port}`, close: () => platform.close() };
}
