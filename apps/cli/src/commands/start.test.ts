import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { killAllChildren, startServer } from '../testing/cli-process.ts';
import { call, DEMO_ADMIN, login } from '../testing/http-client.ts';

// The real server in a child process, on the suite's database: PGlite in a temp DATA_DIR, or a
// fresh database on the PostgreSQL server under `npm run test:pg` (DATABASE_URL).
let target: ScratchTarget;

beforeAll(async () => {
  target = await createScratchTarget();
});

afterAll(async () => {
  await killAllChildren();
  await target?.dispose();
});

interface Department {
  id: string;
  nameRu: string;
}

async function departments(url: string): Promise<Department[]> {
  const session = await login(url, DEMO_ADMIN);
  const res = await call(url, session, 'GET', '/api/m/zarechny/departments');
  expect(res.status).toBe(200);
  return (res.json as { items: Department[] }).items;
}

describe(
  `zemstvo start (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  { timeout: 240_000 },
  () => {
    it('keeps writes acknowledged right before the process is killed (SIGKILL)', async () => {
      const first = await startServer(target.env);
      const session = await login(first.url, DEMO_ADMIN);
      const created: string[] = [];
      for (let i = 1; i <= 3; i++) {
        const res = await call(first.url, session, 'POST', '/api/m/zarechny/departments', {
          nameRu: `Отдел стойкости ${i}`,
          nameEn: `Durability ${i}`,
        });
        expect(res.status).toBe(201);
        created.push((res.json as Department).id);
      }
      // No graceful shutdown: the process dies right after the last 2xx.
      const killed = await first.stop('SIGKILL');
      expect(killed.signal).toBe('SIGKILL');

      // A restart on the same database (on PGlite: taking over the lock the killed pid left behind).
      const second = await startServer(target.env);
      const ids = (await departments(second.url)).map((d) => d.id);
      for (const id of created) expect(ids).toContain(id);
      await second.stop('SIGKILL');
    });

    it('keeps data across a normal restart (SIGTERM) and starts without re-seeding', async () => {
      const first = await startServer(target.env);
      const session = await login(first.url, DEMO_ADMIN);
      const res = await call(first.url, session, 'POST', '/api/m/zarechny/departments', {
        nameRu: 'Отдел после перезапуска',
        nameEn: 'After restart',
      });
      expect(res.status).toBe(201);
      const before = await departments(first.url);
      const stopped = await first.stop('SIGTERM');
      expect(stopped.code).toBe(0);

      const second = await startServer(target.env);
      const after = await departments(second.url);
      expect(after.map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
      expect(after.map((d) => d.nameRu)).toContain('Отдел после перезапуска');
      expect((await second.stop('SIGTERM')).code).toBe(0);
    });
  },
);
