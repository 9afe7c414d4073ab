import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditListRow } from '@zemstvo/audit';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from './testing/index.ts';

/** The fields of a listed record these tests read. */
type Row = Pick<
  AuditListRow,
  'seq' | 'occurredAt' | 'actor' | 'actorName' | 'action' | 'entity' | 'entityId'
>;

const ADMIN = 'admin@zarechny.demo.zemstvo.ru';

/** GET /api/m/:municipality/audit: order, filters by action/actor/period, 400 on bad input. */
describe('audit log list', () => {
  const clock = new ManualClock();
  /** 09:00 UTC of the day after the newest seeded record: the test's own records are the newest. */
  let start = new Date(0);
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString();
  let p: TestPlatform;
  let admin: TestSession;
  const list = async (query: string): Promise<Row[]> => {
    const res = await p.app.inject({
      method: 'GET',
      url: `/api/m/zarechny/audit?${query}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Row[] }>().items;
  };
  const createDepartment = async (nameEn: string) => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/departments',
      headers: admin.headers,
      payload: { nameRu: `Отдел ${nameEn}`, nameEn },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  let first = '';
  let second = '';

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    // The demo seed ran at the real time (maybe long after any fixed date chosen here).
    const [{ latest }] = (await p.db.query<{ latest: Date }>(
      'SELECT max(occurred_at) AS latest FROM audit_log',
    )) as [{ latest: Date }];
    const seeded = new Date(latest);
    start = new Date(Date.UTC(seeded.getUTCFullYear(), seeded.getUTCMonth(), seeded.getUTCDate() + 1, 9));
    clock.set(start);
    admin = await p.loginAs(ADMIN);
    first = await createDepartment('First');
    clock.advance(60 * 60_000);
    second = await createDepartment('Second');
  });
  afterAll(async () => p.close());

  it('lists newest first (by occurred_at) by default and oldest first with order=asc', async () => {
    const desc = await list('limit=200');
    // By when it happened, then by append order: the demo seed's backdated stories interleave.
    const key = (r: Row) => `${new Date(r.occurredAt).toISOString()} ${r.seq.toString().padStart(12, '0')}`;
    const keys = desc.map(key);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(new Set(keys).size).toBe(keys.length);
    expect(desc[0]).toMatchObject({ action: 'department.created', entityId: second });
    const asc = await list('order=asc&limit=200');
    expect(asc.map((r) => r.seq)).toEqual(desc.map((r) => r.seq).reverse());
  });

  it('filters by action and actor, and names the acting user', async () => {
    const created = await list(`action=department.created&actor=${ADMIN}`);
    expect(created.map((r) => r.entityId)).toEqual([second, first]);
    expect(created[0]).toMatchObject({ actor: ADMIN, entity: 'department' });
    expect(created[0]!.actorName).toEqual(expect.any(String));
    expect(created[0]!.actorName).not.toBe('');
    const seeded = await list('actor=system:seed&limit=200');
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.every((r) => r.actor === 'system:seed' && r.actorName === null)).toBe(true);
    expect(await list('action=nothing.happened')).toEqual([]);
    expect(await list(`actor=${ADMIN}&order=asc&limit=1`)).toHaveLength(1);
  });

  it('filters by period: from inclusive, to exclusive', async () => {
    const rows = await list(`action=department.created&actor=${ADMIN}&from=${at(30)}`);
    expect(rows.map((r) => r.entityId)).toEqual([second]);
    const before = await list(`action=department.created&actor=${ADMIN}&from=${at(-60)}&to=${at(60)}`);
    expect(before.map((r) => r.entityId)).toEqual([first]);
  });

  it('refuses bad filters with 400 validation_failed', async () => {
    for (const query of [
      'order=sideways',
      'action=DROP%20TABLE',
      'from=yesterday',
      'to=2026-13-40T00:00:00Z',
      'from=2030-03-03T00:00:00Z&to=2030-03-02T00:00:00Z',
      'actor=',
    ]) {
      const res = await p.app.inject({
        method: 'GET',
        url: `/api/m/zarechny/audit?${query}`,
        headers: admin.headers,
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code, query).toBe('validation_failed');
    }
  });
});
