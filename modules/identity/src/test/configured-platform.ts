import { ManualClock } from '@zemstvo/kernel';
import { createPlatform, DEMO_PASSWORD, loadConfig, type Platform } from '@zemstvo/server';
import { openTestDatabase, sessionFrom, type TestSession } from '@zemstvo/server/testing/index';

export interface ConfiguredTestPlatform extends Platform {
  clock: ManualClock;
  loginAs(email: string, password?: string): Promise<TestSession>;
}

/**
 * Like `createTestPlatform`, with extra environment variables (SMTP_URL, OIDC_PROVIDERS,
 * PUBLIC_URL, NODE_ENV=production, …): a fresh database with the demo region and a manual clock.
 */
export async function createConfiguredTestPlatform(
  env: Record<string, string>,
): Promise<ConfiguredTestPlatform> {
  const clock = new ManualClock(new Date());
  const db = await openTestDatabase({ demo: true });
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'true', LOG_LEVEL: 'silent', ...env });
  const platform = await createPlatform(config, { clock, db, webDir: '/nonexistent' });
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
