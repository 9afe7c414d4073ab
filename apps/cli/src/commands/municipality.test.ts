import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { hasStackTrace, killAllChildren, runCli } from '../testing/cli-process.ts';

// `zemstvo municipality set --time-zone`, run as a child process on the suite's database.
let target: ScratchTarget;

beforeAll(async () => {
  target = await createScratchTarget();
});
afterAll(async () => {
  await killAllChildren();
  await target?.dispose();
});

async function query<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  const db = await target.open();
  try {
    return await db.query<T>(text, params);
  } finally {
    await db.close();
  }
}

describe(
  `zemstvo municipality set (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  { timeout: 240_000 },
  () => {
    it('sets the time zone of a municipality, audited as the CLI, and refuses unknown zones', async () => {
      const seed = await runCli(['seed'], target.env);
      expect(seed.code, seed.stderr).toBe(0);
      const set = (zone: string) =>
        runCli(['municipality', 'set', '--municipality', 'sosnovka', '--time-zone', zone], target.env);

      const ok = await set('asia/vladivostok');
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('Municipality sosnovka counts its days in Asia/Vladivostok.');
      expect(await query('SELECT slug, timezone FROM municipalities ORDER BY slug')).toEqual([
        { slug: 'sosnovka', timezone: 'Asia/Vladivostok' },
        { slug: 'zarechny', timezone: 'Europe/Moscow' },
      ]);
      const audit = await query<{ actor: string; before: unknown; after: unknown }>(
        `SELECT actor, before, after FROM audit_log WHERE action = 'municipality.time_zone_changed'`,
      );
      expect(audit).toEqual([
        {
          actor: expect.stringMatching(/^system:cli/),
          before: { timeZone: 'Europe/Moscow' },
          after: { timeZone: 'Asia/Vladivostok' },
        },
      ]);

      const bad = await set('Mars/Olympus_Mons');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('[invalid_time_zone]');
      expect(hasStackTrace(bad.stderr)).toBe(false);
      expect(
        (await query<{ timezone: string }>(`SELECT timezone FROM municipalities WHERE slug = 'sosnovka'`))[0],
      ).toEqual({ timezone: 'Asia/Vladivostok' });
    });
  },
);
