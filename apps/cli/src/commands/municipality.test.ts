import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../testing/cli-process.ts';
import { useScratchTarget } from '../testing/scratch-suite.ts';

// `zemstvo municipality set --time-zone`, run as a child process on the suite's database.
const scratch = useScratchTarget();
const query = scratch.query;

describe(
  `zemstvo municipality set (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  { timeout: 240_000 },
  () => {
    it('sets the time zone of a municipality, audited as the CLI, and refuses unknown zones', async () => {
      const seed = await runCli(['seed'], scratch.env());
      expect(seed.code, seed.stderr).toBe(0);
      const set = (zone: string) =>
        runCli(['municipality', 'set', '--municipality', 'sosnovka', '--time-zone', zone], scratch.env());

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
