import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchTarget, type ScratchTarget } from '@zemstvo/db/testing';
import { hasStackTrace, killAllChildren, runCli } from '../testing/cli-process.ts';

// `zemstvo audit verify` against a demo database on the suite's backend, tampered with directly
// in SQL the way someone with database access could: triggers off, UPDATE/DELETE, triggers on.
let target: ScratchTarget;

beforeAll(async () => {
  target = await createScratchTarget();
  const seeded = await runCli(['seed'], target.env);
  expect(seeded.code, seeded.stderr).toBe(0);
});

afterAll(async () => {
  await killAllChildren();
  await target?.dispose();
});

/** Opens the database in this process (on PGlite: holding the data-directory lock) and closes it. */
async function withDb<T>(fn: (db: Awaited<ReturnType<ScratchTarget['open']>>) => Promise<T>): Promise<T> {
  const db = await target.open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function tamper(statement: string, params: unknown[]): Promise<void> {
  await withDb((db) =>
    db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await tx.query(statement, params);
      await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }),
  );
}

/** A record in the middle of a municipality's chain: its seq, chain, actor and the next record's seq. */
async function middleRecord(): Promise<{ seq: number; chain: string; nextSeq: number; actor: string }> {
  return withDb(async (db) => {
    const [r] = await db.query<{ seq: number; chain: string; next_seq: number; actor: string }>(
      `SELECT a.seq::int AS seq, a.chain, b.seq::int AS next_seq, a.actor
       FROM audit_log a JOIN audit_log b ON b.chain = a.chain AND b.chain_seq = a.chain_seq + 1
       WHERE a.chain <> 'platform' AND a.chain_seq = 5`,
    );
    return { seq: r!.seq, chain: r!.chain, nextSeq: r!.next_seq, actor: r!.actor };
  });
}

describe(
  `zemstvo audit verify (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
  { timeout: 240_000 },
  () => {
    it('exits 0 on an untouched database', async () => {
      const res = await runCli(['audit', 'verify'], target.env);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/Audit log intact: \d+ records in 3 chains verified/);
    });

    it('exits 3 naming the record (audit_log.seq and chain) after a row is edited in SQL', async () => {
      const rec = await middleRecord();
      await tamper(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = $1`, [rec.seq]);
      const res = await runCli(['audit', 'verify'], target.env);
      expect(res.code).toBe(3);
      expect(res.stdout).toContain('AUDIT LOG TAMPERED');
      expect(res.stdout).toContain(`audit_log.seq ${rec.seq} (chain ${rec.chain} #5`);
      expect(res.stdout).toContain('was altered');

      const json = await runCli(['audit', 'verify', '--json'], target.env);
      expect(json.code).toBe(3);
      const report = JSON.parse(json.stdout) as {
        ok: boolean;
        problems: { kind: string; seq: number; chain: string }[];
      };
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'hash_mismatch', seq: rec.seq, chain: rec.chain }),
      ]);

      // Put back as it was: the chain verifies again (verification is about content, not history).
      await tamper('UPDATE audit_log SET actor = $2 WHERE seq = $1', [rec.seq, rec.actor]);
      expect((await runCli(['audit', 'verify'], target.env)).code).toBe(0);
    });

    it('exits 3 naming the gap after a row is deleted', async () => {
      const rec = await middleRecord();
      await tamper('DELETE FROM audit_log WHERE seq = $1', [rec.seq]);
      const res = await runCli(['audit', 'verify'], target.env);
      expect(res.code).toBe(3);
      expect(res.stdout).toContain(
        `chain ${rec.chain}: record #5 is missing (deleted) before audit_log.seq ${rec.nextSeq}`,
      );
      expect(res.stderr).toBe('');
    });

    it('refuses plain UPDATE and DELETE on the audit log (append-only trigger)', async () => {
      await withDb(async (db) => {
        await expect(db.query(`UPDATE audit_log SET actor = 'x' WHERE chain_seq = 1`)).rejects.toThrow(
          /append-only: UPDATE/,
        );
        await expect(db.query('DELETE FROM audit_log WHERE chain_seq = 1')).rejects.toThrow(
          /append-only: DELETE/,
        );
      });
    });

    it('says so, without a stack trace, when there is no database', async () => {
      const res = await runCli(['audit', 'verify'], { DATA_DIR: `${target.location}-absent` });
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('[no_database]');
      expect(hasStackTrace(res.stderr)).toBe(false);
    });
  },
);
