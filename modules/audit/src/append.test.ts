import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, platformMigrations, type Database } from '@zemstvo/db';
import { openScratchDatabase, type ScratchDatabase } from '@zemstvo/db/testing';
import { ManualClock, silentLogger, systemActor, type Ctx, type Sql } from '@zemstvo/kernel';
import { canonicalJson, toStoredJson } from './canonical.ts';
import { hashPieces, hashRecord, type AuditRecordBody } from './chain.ts';
import { auditMigrations, verifyAudit, writeAudit, type AuditEvent } from './index.ts';

const M1 = '44444444-4444-4444-8444-444444444444';
const M2 = '55555555-5555-4555-8555-555555555555';
const clock = new ManualClock('2026-04-01T08:00:00.007Z');
// No tenant: every event names its chain (municipalityId), so the context needs nothing else.
const ctx = (tx: Sql, requestId = 'req-append'): Ctx => ({
  actor: systemActor('append-test'),
  tenant: null,
  tx,
  clock,
  log: silentLogger,
  requestId,
});

// Text columns and jsonb refuse NUL; everything else (quotes, backslashes, emoji, Cyrillic) goes.
const text = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replaceAll('\u0000', ''));
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const event: fc.Arbitrary<AuditEvent> = fc.record({
  action: text,
  entity: text,
  entityId: fc.option(text),
  before: fc.option(json),
  after: fc.option(json),
  municipalityId: fc.constantFrom(M1, M2, null),
});

describe('hashPieces', () => {
  it('splits the canonical JSON around chainSeq and prevHash, whatever the record holds', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(event, fc.nat(), hex, text, (e, chainSeq, prevHash, actor) => {
        const body: AuditRecordBody = {
          chain: e.municipalityId ?? 'platform',
          chainSeq,
          occurredAt: clock.now().toISOString(),
          municipalityId: e.municipalityId ?? null,
          actor,
          actorUserId: null,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId ?? null,
          before: toStoredJson(e.before),
          after: toStoredJson(e.after),
          requestId: 'r',
          prevHash,
        };
        const p = hashPieces(body);
        expect(p.head + chainSeq + p.mid + prevHash + p.tail).toBe(canonicalJson(body));
      }),
    );
  });
});

describe(`audit_append in the database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let scratch: ScratchDatabase;
  let db: Database;

  beforeAll(async () => {
    scratch = await openScratchDatabase();
    db = scratch.db;
    await migrate(db, loadMigrations([platformMigrations, auditMigrations]));
  });
  afterAll(async () => scratch?.dispose());

  it('stores every record with the hash that verify recomputes, across chains and awkward values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 4 }), async (events) => {
        await db.transaction(async (tx) => {
          for (const e of events) {
            clock.advance(13);
            await writeAudit(ctx(tx), e);
          }
        });
      }),
      { numRuns: 40 },
    );
    const report = await verifyAudit(db);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThanOrEqual(40);
    // The stored hash is the one computed here from the stored record.
    const [last] = await db.query<{ hash: string; prev_hash: string; chain_seq: number }>(
      `SELECT hash, prev_hash, chain_seq FROM audit_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(last!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(last!.hash).not.toBe(last!.prev_hash);
  });

  it('gives the hash hashRecord gives for a known record (the format verify checks)', async () => {
    const at = clock.now().toISOString();
    // Its own request id: the property test above writes random entity ids, which may be 'known' too.
    await db.transaction((tx) =>
      writeAudit(ctx(tx, 'req-known'), {
        action: 'thing.made',
        entity: 'thing',
        entityId: 'known',
        after: { b: 'Ёж «x»', a: [1, null] },
        municipalityId: M1,
      }),
    );
    const rows = await db.query<{ chain_seq: string | number; prev_hash: string; hash: string }>(
      `SELECT chain_seq, prev_hash, hash FROM audit_log WHERE request_id = 'req-known'`,
    );
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row!.hash).toBe(
      hashRecord({
        chain: M1,
        chainSeq: Number(row!.chain_seq),
        occurredAt: at,
        municipalityId: M1,
        actor: 'system:append-test',
        actorUserId: null,
        action: 'thing.made',
        entity: 'thing',
        entityId: 'known',
        before: null,
        after: { a: [1, null], b: 'Ёж «x»' },
        requestId: 'req-known',
        prevHash: row!.prev_hash,
      }),
    );
  });

  it('starts a new chain at genesis and chains outside a transaction too', async () => {
    const M3 = '66666666-6666-4666-8666-666666666666';
    const plain: Sql = { query: (t, p) => db.query(t, p), exec: (t) => db.exec(t) };
    await writeAudit(ctx(plain), { action: 'a.one', entity: 'a', municipalityId: M3 });
    await writeAudit(ctx(plain), { action: 'a.two', entity: 'a', municipalityId: M3 });
    const rows = await db.query<{ chain_seq: number; prev_hash: string }>(
      'SELECT chain_seq::int, prev_hash FROM audit_log WHERE chain = $1 ORDER BY chain_seq',
      [M3],
    );
    expect(rows.map((r) => r.chain_seq)).toEqual([1, 2]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect((await verifyAudit(db, { chain: M3 })).ok).toBe(true);
  });

  it('lets concurrent writers of the same chains through without deadlock, in one unbroken chain each', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction(async (tx) => {
          // Half write M1 then M2, half M2 then M1: the heads are still locked in one order.
          const [a, b] = i % 2 ? [M1, M2] : [M2, M1];
          // Their own request id: the property test above writes random entities, 'c' among them.
          const own = ctx(tx, 'req-concurrent');
          await writeAudit(own, { action: 'c.one', entity: 'c', entityId: `c-${i}`, municipalityId: a });
          await writeAudit(own, { action: 'c.two', entity: 'c', entityId: `c-${i}`, municipalityId: b });
        }),
      ),
    );
    const report = await verifyAudit(db);
    expect(report.problems).toEqual([]);
    const [n] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE request_id = 'req-concurrent'`,
    );
    expect(n!.n).toBe(24);
  });
});
