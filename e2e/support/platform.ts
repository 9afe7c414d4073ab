import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createPlatform, loadConfig, WEB_DIST, type Platform } from '@zemstvo/server';
import { openTestDatabase } from '@zemstvo/server/testing/index';

export interface RunningPlatform {
  platform: Platform;
  baseUrl: string;
  close(): Promise<void>;
}

/** A port of 127.0.0.1 that nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * The real server, in this process, on a free port of 127.0.0.1, serving the built web app
 * (`npm run build:web`) over a fresh test database with the demo region. PUBLIC_URL is the
 * server's own address, so links in its letters open in the test browser; `env` adds or
 * overrides configuration (OIDC_PROVIDERS, …).
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<RunningPlatform> {
  const port = Number(env.PORT ?? (await freePort()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = await openTestDatabase({ demo: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    ...env,
  });
  const platform = await createPlatform(config, { db, webDir: WEB_DIST });
  await platform.app.listen({ host: '127.0.0.1', port });
  return { platform, baseUrl, close: () => platform.close() };
}
