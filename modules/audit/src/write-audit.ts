import { actorLabel, actorUserId, type Ctx, type Sql } from '@zemstvo/kernel';
import { toStoredJson } from './canonical.ts';
import { GENESIS_HASH, hashRecord, type AuditRecordBody } from './chain.ts';

export interface AuditEvent {
  /** Verb in the past: `department.created`, `user.login_failed`. */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the request's tenant; null writes to the platform chain. */
  municipalityId?: string | null;
}

/** A record before it takes its place in the chain. */
type Unchained = Omit<AuditRecordBody, 'chainSeq' | 'prevHash'>;

/** Records of a transaction waiting for its commit, by transaction. */
const queued = new WeakMap<Sql, Unchained[]>();

/**
 * Appends one record to the audit chain of the tenant, in the caller's transaction: the record
 * exists exactly when the change it describes commits. Never pass secrets (password hashes,
 * tokens) in before/after.
 *
 * In a transaction the records are chained just before its commit (`Sql.beforeCommit`), all at
 * once: the chain's head, which every writer of the municipality must lock, is then held only
 * for the commit instead of for the rest of the request, and the chain's order is commit order.
 */
export async function writeAudit(ctx: Ctx, e: AuditEvent): Promise<void> {
  const municipalityId =
    e.municipalityId !== undefined ? e.municipalityId : (ctx.tenant?.municipalityId ?? null);
  const record: Unchained = {
    chain: municipalityId ?? 'platform',
    occurredAt: ctx.clock.now().toISOString(),
    municipalityId,
    actor: actorLabel(ctx.actor),
    actorUserId: actorUserId(ctx.actor),
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    before: toStoredJson(e.before),
    after: toStoredJson(e.after),
    requestId: ctx.requestId || null,
  };
  const tx = ctx.tx;
  if (!tx.beforeCommit) return appendRecords(tx, [record]);
  const waiting = queued.get(tx);
  if (waiting) {
    waiting.push(record);
    return;
  }
  const records = [record];
  queued.set(tx, records);
  tx.beforeCommit(async () => {
    queued.delete(tx);
    // Deferred work (the search index) first, so that nothing else runs while the head is locked.
    await tx.exec('SET CONSTRAINTS ALL IMMEDIATE');
    await appendRecords(tx, records);
  });
}

/** Chains the records (chain by chain, in a fixed order, so concurrent writers cannot deadlock). */
async function appendRecords(sql: Sql, records: readonly Unchained[]): Promise<void> {
  const chains = [...new Set(records.map((r) => r.chain))].sort();
  for (const chain of chains) {
    const head = await lockHead(sql, chain);
    let seq = Number(head.chain_seq);
    let prevHash = head.hash;
    const params: unknown[] = [chain];
    const rows: string[] = [];
    for (const r of records.filter((x) => x.chain === chain)) {
      const body: AuditRecordBody = { ...r, chainSeq: ++seq, prevHash };
      prevHash = hashRecord(body);
      const at = params.length;
      rows.push(`($1, ${Array.from({ length: 13 }, (_, i) => `$${at + i + 1}`).join(', ')})`);
      params.push(
        body.chainSeq,
        body.occurredAt,
        body.municipalityId,
        body.actor,
        body.actorUserId,
        body.action,
        body.entity,
        body.entityId,
        body.before === null ? null : JSON.stringify(body.before),
        body.after === null ? null : JSON.stringify(body.after),
        body.requestId,
        body.prevHash,
        prevHash,
      );
    }
    params.push(seq, prevHash);
    // The records and the moved head in one statement.
    await sql.query(
      `WITH records AS (
         INSERT INTO audit_log (chain, chain_seq, occurred_at, municipality_id, actor, actor_user_id, action, entity,
           entity_id, before, after, request_id, prev_hash, hash)
         VALUES ${rows.join(', ')}
       )
       UPDATE audit_chain_heads SET chain_seq = $${params.length - 1}, hash = $${params.length} WHERE chain = $1`,
      params,
    );
  }
}

/** Locks the chain's head (creating it with the first record of a new chain). */
async function lockHead(sql: Sql, chain: string): Promise<{ chain_seq: number | string; hash: string }> {
  const select = () =>
    sql.query<{ chain_seq: number | string; hash: string }>(
      'SELECT chain_seq, hash FROM audit_chain_heads WHERE chain = $1 FOR UPDATE',
      [chain],
    );
  let [head] = await select();
  if (!head) {
    await sql.query(
      `INSERT INTO audit_chain_heads (chain, chain_seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`,
      [chain, GENESIS_HASH],
    );
    [head] = await select();
  }
  if (!head) throw new Error(`audit chain head ${chain} vanished`);
  return head;
}
