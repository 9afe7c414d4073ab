import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonLines } from '@zemstvo/routing';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { REAL_CITY_SAMPLE, realCity, realCityLogins, seedRealCity } from './real-city.ts';

// The demo's real city on a small slice of the committed sample (the start command loads all 3,000).
const dir = mkdtempSync(join(tmpdir(), 'zemstvo-real-city-'));

describe('the demo’s real city (seedRealCity)', () => {
  let p: TestPlatform;
  const slice = join(dir, 'slice.jsonl');

  beforeAll(async () => {
    p = await createTestPlatform();
    const lines: string[] = [];
    for await (const l of readJsonLines(REAL_CITY_SAMPLE)) {
      lines.push(JSON.stringify(l.value));
      if (lines.length === 30) break;
    }
    writeFileSync(slice, lines.join('\n'));
  });
  afterAll(async () => {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const seed = (onCreated?: () => void) =>
    seedRealCity(p.db, p.services.permissions, (tx) => p.systemCtx(tx, 'seed'), p.log, {
      sample: slice,
      onCreated,
    });

  it('is not part of the demo seed; once created, its staff work on the imported appeals, and a second run adds nothing', async () => {
    expect(
      (await p.app.inject('/api/municipalities')).json().items.map((m: { slug: string }) => m.slug),
    ).not.toContain(realCity.slug);
    let created = 0;
    const first = await seed(() => created++);
    expect(first).toMatchObject({ imported: 30, installed: true, invalid: 0 });
    expect(created).toBe(1);

    const admin = await p.loginAs(realCityLogins().find((l) => l.role === 'admin')!.email);
    const inbox = await p.app.inject({
      url: `/api/m/${realCity.slug}/appeals?limit=5`,
      headers: admin.headers,
    });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().total).toBe(30);
    const services = (await p.app.inject(`/api/m/${realCity.slug}/services`)).json();
    expect(services.items.map((s: { slug: string }) => s.slug)).toEqual([
      'appeals-59fz',
      'city-portal',
      'urban-reports',
    ]);

    expect(await seed()).toMatchObject({ imported: 0, existing: 30, installed: false });
  });
});
