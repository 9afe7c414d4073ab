import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { openBrowser, type Browser } from './browser.ts';
import { startPlatform, type RunningPlatform } from './platform.ts';

/** Where the e2e tests leave their screenshots (not committed). */
export const SCREENSHOTS = '.tmp';

export interface ServerAndBrowser {
  server: RunningPlatform;
  browser: Browser;
}

/**
 * The real server and one Chromium for a describe block: started before its tests (and the
 * screenshots folder made), closed after them even when a test failed. `onStart` receives both,
 * e.g. `useServerAndBrowser((s) => ({ server, browser } = s))`.
 */
export function useServerAndBrowser(onStart: (started: ServerAndBrowser) => void): void {
  const open: Partial<ServerAndBrowser> = {};
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const server = (open.server = await startPlatform());
    const browser = (open.browser = await openBrowser(server.baseUrl));
    onStart({ server, browser });
  });
  afterAll(async () => {
    await open.browser?.close();
    await open.server?.close();
  });
}
