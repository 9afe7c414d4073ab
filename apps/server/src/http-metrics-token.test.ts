import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@zemstvo/kernel';
import { LocalDiskStorage } from '@zemstvo/storage';
import { loadConfig } from './config.ts';
import { createPlatform, type Platform } from './platform.ts';
import { openTestDatabase } from './testing/index.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

/** A production platform (no demo data) whose log lines are collected. */
async function productionPlatform(env: Record<string, string>) {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    SMTP_URL: 'smtp://mail.invalid',
    ...env,
  });
  const platform: Platform = await createPlatform(config, {
    db: await openTestDatabase(),
    webDir: '/nonexistent',
    storage: new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'zemstvo-test-files-'))),
    logger: pino({ level: 'warn' }, sink),
  });
  return { platform, warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg) };
}

describe('/metrics behind METRICS_TOKEN', () => {
  it('answers only the bearer of the token when METRICS_TOKEN is set, and does not warn', async () => {
    const { platform, warnings } = await productionPlatform({ METRICS_TOKEN: TOKEN });
    try {
      for (const authorization of [
        undefined,
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(1)}`,
        TOKEN,
        'Bearer ',
      ]) {
        const res = await platform.app.inject({
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
        expect([authorization, res.statusCode]).toEqual([authorization, 401]);
        expect(res.json()).toMatchObject({ error: { code: 'metrics_token_required' } });
        expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(res.body).not.toContain('zemstvo_process_cpu');
      }
      const ok = await platform.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('zemstvo_process_cpu_seconds_total');
      expect(warnings().filter((m) => m.includes('METRICS_TOKEN'))).toEqual([]);
    } finally {
      await platform.close();
    }
  });

  it('stays open without METRICS_TOKEN, and a production start warns about it', async () => {
    const { platform, warnings } = await productionPlatform({});
    try {
      expect((await platform.app.inject('/metrics')).statusCode).toBe(200);
      expect(warnings()).toEqual([expect.stringContaining('METRICS_TOKEN is not set')]);
    } finally {
      await platform.close();
    }
  });

  it('refuses a token too short to be secret, and treats an empty one as unset', () => {
    let error: unknown;
    try {
      loadConfig({ METRICS_TOKEN: 'short' });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('bad_config');
    expect((error as Error).message).toContain('METRICS_TOKEN');
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  });
});
