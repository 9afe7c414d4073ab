import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, platformMigrations, type Database } from '@zemstvo/db';
import { openScratchDatabase, type ScratchDatabase } from '@zemstvo/db/testing';
import { ManualClock, silentLogger, systemActor, type Ctx, type Sql } from '@zemstvo/kernel';
import { auditMigrations, verifyAudit, writeAudit } from './index.ts';

const M1 = '11111111-1111-4111-8111-111111111111';
const M2 = '22222222-2222-4222-8222-222222222222';
const clock = new ManualClock('2026-02-01T10:00:00.123Z');

let scratch: ScratchDatabase;
let db: Database;

const ctx = (tx: Sql, municipalityId: string | null): Ctx => ({
  actor: systemActor('test'),
  tenant: municipalityId
    ? { municipalityId, regionId: M1, slug: 'x', ftsConfig: 'russian', timeZone: 'Europe/Moscow' }
    : null,
  tx,
  clock,
  log: silentLogger,
  requestId: 'req-1',
});

/** Runs statements with the append-only triggers off, as someone with direct database access could. */
async function tamper(statement: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tx.query(statement, params);
    await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}

async function seqOf(chain: string, chainSeq: number): Promise<number> {
  const [r] = await db.query<{ seq: number }>(
    'SELECT seq::int AS seq FROM audit_log WHERE chain = $1 AND chain_seq = $2',
    [chain, chainSeq],
  );
  return r!.seq;
}

beforeAll(async () => {
  scratch = await openScratchDatabase();
  db = scratch.db;
  await migrate(db, loadMigrations([platformMigrations, auditMigrations]));
  // Two municipality chains and the platform chain, with awkward values (unicode, dates, nesting, NUL).
  for (let i = 1; i <= 4; i++) {
    await db.transaction(async (tx) => {
      for (const m of [M1, M2]) {
        clock.advance(1001);
        await writeAudit(ctx(tx, m), {
          action: 'thing.changed',
          entity: 'thing',
          entityId: `t-${i}`,
          before: { n: i - 1, name: 'Ёлка «старая»' },
          after: {
            n: i,
            name: 'Ёлка\u0000 «новая»',
            at: clock.now(),
            list: [1, { z: null, a: 'x' }],
            gone: undefined,
          },
        });
      }
    });
  }
  await db.transaction((tx) => writeAudit(ctx(tx, null), { action: 'platform.started', entity: 'platform' }));
});

afterAll(async () => scratch?.dispose());

describe(`audit chain (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('verifies an untouched log', async () => {
    const report = await db.transaction((tx) => verifyAudit(tx));
    expect(report).toEqual({ ok: true, checked: 9, chains: 3, problems: [] });
    expect(await db.transaction((tx) => verifyAudit(tx, { chain: M1, pageSize: 2 }))).toMatchObject({
      ok: true,
      checked: 4,
    });
  });

  it('refuses plain UPDATE, DELETE and TRUNCATE: the log is append-only', async () => {
    for (const statement of [
      `UPDATE audit_log SET actor = 'someone else'`,
      'DELETE FROM audit_log WHERE chain_seq = 2',
      'TRUNCATE audit_log',
    ]) {
      await expect(db.query(statement)).rejects.toThrow(/append-only/);
    }
    expect(await db.transaction((tx) => verifyAudit(tx))).toMatchObject({ ok: true, checked: 9 });
  });

  it('names the record whose content was edited, and is whole again once it is put back', async () => {
    const seq = await seqOf(M1, 2);
    const [original] = await db.query<{ after: string }>(
      'SELECT after::text AS after FROM audit_log WHERE seq = $1',
      [seq],
    );
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{n}', '42') WHERE seq = $1`, [seq]);
    const report = await db.transaction((tx) => verifyAudit(tx));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'hash_mismatch', chain: M1, seq, chainSeq: 2 }),
    ]);
    expect(report.problems[0]!.message).toContain(`audit_log.seq ${seq}`);
    // The other chains are not affected.
    expect(await db.transaction((tx) => verifyAudit(tx, { chain: M2 }))).toMatchObject({ ok: true });

    await tamper('UPDATE audit_log SET after = $2::jsonb WHERE seq = $1', [seq, original!.after]);
    expect(await db.transaction((tx) => verifyAudit(tx))).toMatchObject({ ok: true });
  });

  it('notices a re-hashed record by the broken link to the next one', async () => {
    const seq = await seqOf(M2, 2);
    const [row] = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [seq]);
    await tamper(`UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = $1`, [seq]);
    const report = await db.transaction((tx) => verifyAudit(tx, { chain: M2 }));
    expect(report.problems.map((p) => [p.kind, p.chainSeq])).toEqual([
      ['hash_mismatch', 2],
      ['broken_link', 3],
    ]);
    await tamper('UPDATE audit_log SET hash = $2 WHERE seq = $1', [seq, row!.hash]);
  });

  it('names a deleted record and a deleted chain end', async () => {
    const middle = await seqOf(M1, 2);
    const next = await seqOf(M1, 3);
    await tamper('DELETE FROM audit_log WHERE seq = $1', [middle]);
    const report = await db.transaction((tx) => verifyAudit(tx, { chain: M1 }));
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'missing_record', chain: M1, seq: next, chainSeq: 2 }),
      expect.objectContaining({ kind: 'broken_link', chain: M1, seq: next, chainSeq: 3 }),
    ]);
    expect(report.problems[0]!.message).toContain(`before audit_log.seq ${next}`);

    await tamper('DELETE FROM audit_log WHERE chain = $1 AND chain_seq = 4', [M2]);
    const tail = await db.transaction((tx) => verifyAudit(tx, { chain: M2 }));
    expect(tail.problems).toEqual([
      expect.objectContaining({ kind: 'head_mismatch', chain: M2, chainSeq: 4 }),
    ]);
  });
});
