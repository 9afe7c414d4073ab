/**
 * `npx tsx bench/forecast-cache.ts [--pg]`: how long `GET /api/m/:m/forecast?horizon=8` takes on
 * a year of synthetic appeals (about 7,300 in 10 categories of two services, as in
 * docs/forecast.md): the first answer, repeated answers with nothing changed, and answers right
 * after an audited change. With `--pg` run it under `bash scripts/with-postgres.sh`. Not a test:
 * it prints figures for docs/forecast.md and asserts nothing.
 */
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform } from '@zemstvo/server/testing';
import { daily, insertAppeals } from '@zemstvo/forecast/testing/appeal-rows';
import { randomSource } from '@zemstvo/forecast/testing/synthetic';

const NOW = new Date('2026-06-10T09:00:00Z');
const ROUNDS = Number(process.env.ROUNDS ?? 10);

const p = await createTestPlatform({ clock: new ManualClock(NOW) });
const analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
const rnd = randomSource(5);
const groups: [string, string, number][] = [
  ['urban-reports', 'landscaping', 4],
  ['urban-reports', 'building', 3],
  ['urban-reports', 'roads', 3],
  ['urban-reports', 'facade', 1],
  ['urban-reports', 'advertising', 1],
  ['appeals-59fz', 'state_society', 1],
  ['appeals-59fz', 'social', 2],
  ['appeals-59fz', 'economy', 2],
  ['appeals-59fz', 'security_law', 1],
  ['appeals-59fz', 'housing', 2],
];
let total = 0;
for (const [service, category, mean] of groups)
  total += await insertAppeals(
    p.db,
    { municipality: 'zarechny', service, category },
    daily('2025-06-09', 366, () => rnd.poisson(mean)),
  );

const get = async (): Promise<{ ms: number; computedAt: string | undefined }> => {
  const t = performance.now();
  const res = await p.app.inject({
    method: 'GET',
    url: '/api/m/zarechny/forecast?horizon=8',
    headers: analyst.headers,
  });
  const ms = performance.now() - t;
  if (res.statusCode !== 200) throw new Error(res.body);
  return { ms, computedAt: res.json<{ computed_at?: string }>().computed_at };
};
// An audited change of the municipality (its data version moves), as a resident's rating would be.
const change = async () => {
  const r = await p.app.inject({
    method: 'POST',
    url: '/api/m/zarechny/forecast/spikes/scan',
    headers: analyst.headers,
  });
  if (r.statusCode !== 200) throw new Error(r.body);
};

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0]!.toFixed(0)} median ${s[Math.floor(s.length / 2)]!.toFixed(0)} max ${s.at(-1)!.toFixed(0)} ms`;
};
const first = await get();
const repeated: number[] = [];
for (let i = 0; i < ROUNDS; i++) repeated.push((await get()).ms);
const afterChange: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  await change();
  afterChange.push((await get()).ms);
}
console.log(
  `${total} appeals, ${groups.length} categories, ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
);
console.log(`first answer: ${first.ms.toFixed(0)} ms (computed_at ${first.computedAt ?? '-'})`);
console.log(`repeated, nothing changed (${ROUNDS}): ${fmt(repeated)}`);
console.log(`right after an audited change (${ROUNDS}): ${fmt(afterChange)}`);
console.log(
  `load average: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
await p.close();
