import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';

const MIGRATION = readFileSync(new URL('../../migrations/0003_skipped_reason.sql', import.meta.url), 'utf8');

/**
 * Migration 0003 on runs written before skipped runs carried a reason: the English note becomes the
 * code and the counts the web app translates; other runs stay as they are.
 */
describe('routing migration 0003: the reason of runs skipped before it', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await createTestPlatform();
  }, 120_000);
  afterAll(async () => p?.close());

  const insert = (version: number, status: string, note: string | null) =>
    p.db.query(
      `INSERT INTO routing_models (municipality_id, version, status, status_note, requested_at, trained_at)
       SELECT id, $1, $2, $3, now(), now() FROM municipalities WHERE slug = 'zarechny'`,
      [version, status, note],
    );
  const run = async (version: number) =>
    (
      await p.db.query<{ status_reason: string | null; metrics: Record<string, unknown> }>(
        `SELECT status_reason, metrics FROM routing_models r JOIN municipalities m ON m.id = r.municipality_id
         WHERE m.slug = 'zarechny' AND r.version = $1`,
        [version],
      )
    )[0]!;

  it('gives an old skipped run the code and the counts of its note, and leaves other runs alone', async () => {
    await insert(901, 'skipped', 'Only 9 labelled appeals; training needs at least 50');
    await insert(902, 'failed', 'Only 9 labelled appeals; training needs at least 50');
    await insert(903, 'skipped', 'something else');
    await p.db.query(MIGRATION);
    expect(await run(901)).toEqual({
      status_reason: 'too_few_labelled',
      metrics: { labelled: 9, required: 50 },
    });
    expect(await run(902)).toEqual({ status_reason: null, metrics: {} });
    expect(await run(903)).toEqual({ status_reason: null, metrics: {} });
  });
});
