import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, platformMigrations, type Database } from '@zemstvo/db';
import { openScratchDatabase, type ScratchDatabase } from '@zemstvo/db/testing';
import { ManualClock, silentLogger, systemActor, type Ctx, type Sql } from '@zemstvo/kernel';
import { auditMigrations, verifyAudit, writeAudit } from './index.ts';

const M = '33333333-3333-4333-8333-333333333333';
const clock = new ManualClock('2026-03-01T10:00:00Z');
const ctx = (tx: Sql): Ctx => ({
  actor: systemActor('test'),
  tenant: { municipalityId: M, regionId: M, slug: 'x', ftsConfig: 'russian', timeZone: 'Europe/Moscow' },
  tx,
  clock,
  log: silentLogger,
  requestId: 'req-w',
});
const event = (n: number) => ({ action: 'thing.changed', entity: 'thing', entityId: `t-${n}`, after: { n } });

/** Records are chained just before commit, all of a transaction at once, in commit order. */
describe('writeAudit in a transaction', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  const rows = () =>
    db.query<{ chain_seq: number; entity_id: string }>(
      'SELECT chain_seq::int, entity_id FROM audit_log WHERE chain = $1 ORDER BY chain_seq',
      [M],
    );

  beforeAll(async () => {
    scratch = await openScratchDatabase();
    db = scratch.db;
    await migrate(db, loadMigrations([platformMigrations, auditMigrations]));
  });
  afterAll(async () => scratch.dispose());

  it('writes nothing while the transaction runs and every record, chained, when it commits', async () => {
    await db.transaction(async (tx) => {
      await writeAudit(ctx(tx), event(1));
      await writeAudit(ctx(tx), event(2));
      expect(await tx.query('SELECT 1 FROM audit_log WHERE chain = $1', [M])).toEqual([]);
    });
    expect(await rows()).toEqual([
      { chain_seq: 1, entity_id: 't-1' },
      { chain_seq: 2, entity_id: 't-2' },
    ]);
  });

  it('writes nothing when the transaction rolls back, and the chain goes on unbroken', async () => {
    await expect(
      db.transaction(async (tx) => {
        await writeAudit(ctx(tx), event(3));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await Promise.all([4, 5, 6].map((n) => db.transaction((tx) => writeAudit(ctx(tx), event(n)))));
    const chained = await rows();
    expect(chained.map((r) => r.chain_seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chained.map((r) => r.entity_id)).not.toContain('t-3');
    const report = await verifyAudit(db);
    expect(report.ok).toBe(true);
  });

  it('keeps the order of writing across chains (a platform record before a tenant one)', async () => {
    await db.transaction(async (tx) => {
      await writeAudit(ctx(tx), { ...event(7), municipalityId: null });
      await writeAudit(ctx(tx), event(8));
    });
    const order = await db.query<{ entity_id: string; chain: string }>(
      `SELECT entity_id, chain FROM audit_log WHERE entity_id IN ('t-7', 't-8') ORDER BY seq`,
    );
    expect(order).toEqual([
      { entity_id: 't-7', chain: 'platform' },
      { entity_id: 't-8', chain: M },
    ]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
