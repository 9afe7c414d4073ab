import type { Sql } from '@zemstvo/kernel';
import { GENESIS_HASH, hashRecord } from './chain.ts';

export type AuditProblemKind = 'hash_mismatch' | 'broken_link' | 'missing_record' | 'head_mismatch';

export interface AuditProblem {
  kind: AuditProblemKind;
  chain: string;
  /** The audit_log.seq of the record at fault (for a missing record: the one after the gap). */
  seq: number | null;
  chainSeq: number;
  message: string;
}

export interface AuditVerifyReport {
  ok: boolean;
  checked: number;
  chains: number;
  problems: AuditProblem[];
}

interface AuditRow {
  seq: number | string;
  chain: string;
  chain_seq: number | string;
  occurred_at: Date;
  municipality_id: string | null;
  actor: string;
  actor_user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * Walks every chain from its first record: recomputes each hash, checks each link to the previous
 * record and that no chain position is missing, and that the chain head matches the last record.
 * Reads in pages so it runs on millions of records in constant memory.
 */
export async function verifyAudit(
  sql: Sql,
  opts: { chain?: string; pageSize?: number } = {},
): Promise<AuditVerifyReport> {
  const pageSize = opts.pageSize ?? 5000;
  const problems: AuditProblem[] = [];
  const heads = await sql.query<{ chain: string; chain_seq: number | string; hash: string }>(
    'SELECT chain, chain_seq, hash FROM audit_chain_heads WHERE $1::text IS NULL OR chain = $1 ORDER BY chain',
    [opts.chain ?? null],
  );
  let checked = 0;
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let after = 0;
    for (;;) {
      const rows = await sql.query<AuditRow>(
        `SELECT * FROM audit_log WHERE chain = $1 AND chain_seq > $2 ORDER BY chain_seq LIMIT $3`,
        [head.chain, after, pageSize],
      );
      for (const r of rows) {
        const chainSeq = Number(r.chain_seq);
        const seq = Number(r.seq);
        if (chainSeq !== expectedSeq) {
          problems.push({
            kind: 'missing_record',
            chain: r.chain,
            seq,
            chainSeq: expectedSeq,
            message: `chain ${r.chain}: record #${expectedSeq}${chainSeq - expectedSeq > 1 ? `–#${chainSeq - 1}` : ''} is missing (deleted) before audit_log.seq ${seq}`,
          });
        }
        if (r.prev_hash !== prevHash) {
          problems.push({
            kind: 'broken_link',
            chain: r.chain,
            seq,
            chainSeq,
            message: `audit_log.seq ${seq} (chain ${r.chain} #${chainSeq}) does not link to the record before it`,
          });
        }
        const recomputed = hashRecord({
          chain: r.chain,
          chainSeq,
          occurredAt: new Date(r.occurred_at).toISOString(),
          municipalityId: r.municipality_id,
          actor: r.actor,
          actorUserId: r.actor_user_id,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
          requestId: r.request_id,
          prevHash: r.prev_hash,
        });
        if (recomputed !== r.hash) {
          problems.push({
            kind: 'hash_mismatch',
            chain: r.chain,
            seq,
            chainSeq,
            message: `audit_log.seq ${seq} (chain ${r.chain} #${chainSeq}, ${r.action} ${r.entity} ${r.entity_id ?? ''}) was altered: its content does not match its hash`,
          });
        }
        prevHash = r.hash;
        expectedSeq = chainSeq + 1;
        after = chainSeq;
        checked++;
      }
      if (rows.length < pageSize) break;
    }
    const headSeq = Number(head.chain_seq);
    if (headSeq !== expectedSeq - 1 || head.hash !== prevHash) {
      problems.push({
        kind: 'head_mismatch',
        chain: head.chain,
        seq: null,
        chainSeq: headSeq,
        message: `chain ${head.chain}: its head says #${headSeq} but the log ends at #${expectedSeq - 1} (records deleted at the end, or the head was edited)`,
      });
    }
  }
  return { ok: problems.length === 0, checked, chains: heads.length, problems };
}
