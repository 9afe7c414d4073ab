import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@zemstvo/db';
import { newId } from '@zemstvo/kernel';
import { openTestDatabase } from '@zemstvo/server/testing';
import { searchRepo, type SearchScope } from './search.repository.ts';

/** The bounds that keep search proportional to the page: the facet cap and the page's own rows. */
describe('search bounds', () => {
  let db: Database;
  let scope: SearchScope;
  const ids: string[] = [];
  const q = { kind: 'words', text: 'кракозябра' } as const;

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    const [row] = await db.query<{ m: string; svc: string }>(
      `SELECT s.municipality_id AS m, s.id AS svc FROM service_instances s JOIN municipalities x ON x.id = s.municipality_id
       WHERE x.slug = 'zarechny' AND s.slug = 'appeals-59fz'`,
    );
    const { m, svc } = row!;
    scope = { staffMunicipalities: [m], applicantUserId: null, publicInstances: [], municipalities: [m] };
    for (let i = 0; i < 5; i++) {
      const id = newId();
      ids.push(id);
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, source_channel, service_instance_id, created_at, updated_at)
           VALUES ($1, $2, 'incoming', 'appeal', 'received', 'Обращение', $3, 'web', $4, now(), now())`,
          [m, id, `Во дворе кракозябра номер ${i}${i === 3 ? ', опять кракозябра и кракозябра' : ''}`, svc],
        );
        await tx.query(
          `INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, is_public, status, stage, received_at,
             registration_due, deadline_rule, deadline_rule_version, search_text)
           VALUES ($1, $2, $3, 'housing', false, 'received', 'receipt', now() - make_interval(hours => $4), current_date + 3,
             'fz59.registration', 1, '')`,
          [m, id, svc, 5 - i],
        );
      });
    }
  });
  afterAll(async () => db.close());

  const count = (rows: { facet: string; value: string; n: number }[], facet: string, value = '') =>
    rows.find((r) => r.facet === facet && r.value === value)?.n;

  const page = (limit: number, offset: number, cap = 10, candidates = 10) =>
    searchRepo.find(db, q, scope, {}, { limit, offset }, { cap, candidates });

  it('counts every hit up to the cap, and one more than the cap beyond it', async () => {
    const exact = await page(20, 0, 10);
    expect(count(exact.facets, 'total')).toBe(5);
    expect(count(exact.facets, 'category', 'housing')).toBe(5);
    const of = (facet: string) => exact.facets.filter((r) => r.facet === facet);
    expect(of('period').reduce((n, r) => n + r.n, 0)).toBe(5);
    expect(of('status')).toEqual([expect.objectContaining({ value: 'received', n: 5 })]);
    // No bucket for what the hits lack (no district, no executor).
    expect([...of('district'), ...of('executor')]).toEqual([]);
    const capped = await page(20, 0, 3);
    expect(count(capped.facets, 'total')).toBe(4);
    expect(count(capped.facets, 'kind', 'appeal')).toBe(4);
    expect(capped.rows).toHaveLength(4);
  });

  it('ranks the candidates and returns only the page rows, with their texts', async () => {
    const first = await page(2, 0);
    expect(first.rows).toHaveLength(2);
    expect(first.rows[0]!.id).toBe(ids[3]);
    expect(first.rows[0]!.text).toContain('кракозябра');
    expect(first.rows[0]!.date).toBeInstanceOf(Date);
    expect(count(first.facets, 'total')).toBe(5);
    const rest = await page(10, 2);
    expect(rest.rows.map((r) => r.id).sort()).toEqual(
      ids.filter((id) => !first.rows.some((p) => p.id === id)).sort(),
    );
  });

  it('ranks only the most recent candidates, and counts every hit', async () => {
    // ids[3] is the best match (the word three times) but ids[4] is the most recent (received an hour later).
    expect((await page(1, 0, 10, 2)).rows.map((r) => r.id)).toEqual([ids[3]]);
    const one = await page(1, 0, 10, 1);
    expect(one.rows.map((r) => r.id)).toEqual([ids[4]]);
    expect(count(one.facets, 'total')).toBe(5);
  });

  it('counts the executors of staff results, with their names', async () => {
    const [user] = await db.query<{ id: string; name: string }>(
      `SELECT id, display_name AS name FROM users ORDER BY email LIMIT 1`,
    );
    await db.query('UPDATE search_entries SET executor_user_id = $1 WHERE document_id = $2', [
      user!.id,
      ids[0],
    ]);
    try {
      const staff = await page(20, 0);
      expect(staff.facets.filter((r) => r.facet === 'executor')).toEqual([
        { facet: 'executor', value: user!.id, label: user!.name, n: 1 },
      ]);
    } finally {
      await db.query('UPDATE search_entries SET executor_user_id = NULL WHERE document_id = $1', [ids[0]]);
    }
  });

  it('returns the facets without rows for a page beyond the hits', async () => {
    const beyond = await page(20, 40);
    expect(beyond.rows).toEqual([]);
    expect(count(beyond.facets, 'total')).toBe(5);
  });

  it('counts months and filters periods in local days of the municipality', async () => {
    // 15:30 UTC on 28 February is still February in Moscow (18:30) but 1 March in Vladivostok (01:30).
    await db.query(`UPDATE search_entries SET doc_date = '2026-02-28T15:30:00Z' WHERE document_id = $1`, [
      ids[0],
    ]);
    const periods = async (filters: { from?: string; to?: string } = {}) => {
      const found = await searchRepo.find(
        db,
        q,
        scope,
        filters,
        { limit: 20, offset: 0 },
        { cap: 10, candidates: 10 },
      );
      return {
        months: found.facets.filter((r) => r.facet === 'period').map((r) => r.value),
        ids: found.rows.map((r) => r.id),
      };
    };
    const setZone = (zone: string) =>
      db.query('UPDATE municipalities SET timezone = $1 WHERE id = $2', [zone, scope.staffMunicipalities[0]]);
    try {
      expect((await periods()).months).toContain('2026-02');
      expect((await periods({ to: '2026-02-28' })).ids).toEqual([ids[0]]);
      expect((await periods({ from: '2026-03-01', to: '2026-03-01' })).ids).toEqual([]);
      await setZone('Asia/Vladivostok');
      expect((await periods()).months).toContain('2026-03');
      expect((await periods()).months).not.toContain('2026-02');
      expect((await periods({ to: '2026-02-28' })).ids).toEqual([]);
      expect((await periods({ from: '2026-03-01', to: '2026-03-01' })).ids).toEqual([ids[0]]);
    } finally {
      await setZone('Europe/Moscow');
      await db.query(
        "UPDATE search_entries SET doc_date = now() - interval '5 hours' WHERE document_id = $1",
        [ids[0]],
      );
    }
  });

  it('keeps the GIN pending list short and room for HOT updates (migration 0003)', async () => {
    const rows = await db.query<{ name: string; options: string[] | null }>(
      `SELECT relname AS name, reloptions AS options FROM pg_class WHERE relname IN ('search_entries', 'search_entries_tsv')
       ORDER BY relname`,
    );
    expect(rows).toEqual([
      { name: 'search_entries', options: ['fillfactor=90'] },
      { name: 'search_entries_tsv', options: ['gin_pending_list_limit=256'] },
    ]);
  });
});
