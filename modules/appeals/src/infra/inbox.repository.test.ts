import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import { appealBody, fileAppeal } from '../test/factories.ts';
import { inboxRepo, type InboxQuery } from './inbox.repository.ts';

describe('inbox counts up to a cap («10 000+»)', () => {
  let p: TestPlatform;
  let m: string;
  const scope = { userId: null, canSign: false, today: '2026-06-01' };
  const all: InboxQuery = {
    box: 'all',
    ...scope,
    timeZone: 'Europe/Moscow',
    sort: 'received_desc',
    limit: 2,
    offset: 0,
  };

  beforeAll(async () => {
    p = await createTestPlatform();
    const resident = await p.loginAs('resident@demo.zemstvo.ru');
    for (let i = 0; i < 5; i++) await fileAppeal(p, 'zarechny', resident.headers, appealBody());
    const [row] = await p.db.query<{ id: string }>(`SELECT id FROM municipalities WHERE slug = 'zarechny'`);
    m = row!.id;
  });
  afterAll(() => p.close());

  it('counts exactly up to the cap and says which boxes hold more', async () => {
    const exact = await inboxRepo.counts(p.db, m, scope);
    expect(exact.estimated).toEqual([]);
    expect(exact.counts.all).toBeGreaterThanOrEqual(5);
    const capped = await inboxRepo.counts(p.db, m, scope, 3);
    expect(capped.counts.all).toBe(3);
    expect(capped.estimated).toContain('all');
    for (const box of ['to_execute', 'to_approve', 'to_sign'] as const) {
      expect(capped.counts[box]).toBe(exact.counts[box]);
      expect(capped.estimated).not.toContain(box);
    }
  });

  it('gives a page its total exactly, capped, or from a short page without counting', async () => {
    const { counts } = await inboxRepo.counts(p.db, m, scope);
    const exact = await inboxRepo.page(p.db, m, all);
    expect(exact).toMatchObject({ total: counts.all, totalIsEstimate: false });
    expect(exact.items).toHaveLength(2);
    expect(await inboxRepo.page(p.db, m, all, 3)).toMatchObject({ total: 3, totalIsEstimate: true });
    // A deep page counts past itself: the total never ends before the page shown.
    const deep = await inboxRepo.page(p.db, m, { ...all, limit: 1, offset: 3 }, 2);
    expect(deep).toMatchObject({ total: 4, totalIsEstimate: counts.all > 4 });
    const last = await inboxRepo.page(p.db, m, { ...all, offset: counts.all - 1 }, 1);
    expect(last).toMatchObject({ total: counts.all, totalIsEstimate: false });
    expect(last.items).toHaveLength(1);
  });

  it('says so in the HTTP answer', async () => {
    const head = await p.loginAs('head@zarechny.demo.zemstvo.ru');
    const res = await p.app.inject({ url: '/api/m/zarechny/inbox?limit=1', headers: head.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totalIsEstimate: false, estimatedCounts: [] });
  });
});
