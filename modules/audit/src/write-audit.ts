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

/**
 * Chains the records in the order they were written: the heads of their chains are locked first,
 * in a fixed order (so concurrent writers cannot deadlock), then the records and the moved heads
 * are written in one statement.
 */
async function appendRecords(sql: Sql, records: readonly Unchained[]): Promise<void> {
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const chain of [...new Set(records.map((r) => r.chain))].sort()) {
    const head = await lockHead(sql, chain);
    heads.set(chain, { seq: Number(head.chain_seq), hash: head.hash });
  }
  const params: unknown[] = [];
  const rows: string[] = [];
  for (const r of records) {
    const head = heads.get(r.chain)!;
    const body: AuditRecordBody = { ...r, chainSeq: head.seq + 1, prevHash: head.hash };
    const hash = hashRecord(body);
    heads.set(r.chain, { seq: body.chainSeq, hash });
    const at = params.length;
    rows.push(`(${Array.from({ length: 14 }, (_, i) => `$${at + i + 1}`).join(', ')})`);
    params.push(
      body.chain,
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
      hash,
    );
  }
  const moved = [...heads].map(([chain, h]) => {
    params.push(chain, h.seq, h.hash);
    return `($${params.length - 2}, $${params.length - 1}::bigint, $${params.length})`;
  });
  await sql.query(
    `WITH records AS (
       INSERT INTO audit_log (chain, chain_seq, occurred_at, municipality_id, actor, actor_user_id, action, entity,
         entity_id, before, after, request_id, prev_hash, hash)
       VALUES ${rows.join(', ')}
     )
     UPDATE audit_chain_heads h SET chain_seq = v.seq, hash = v.hash
     FROM (VALUES ${moved.join(', ')}) AS v(chain, seq, hash) WHERE h.chain = v.chain`,
    params,
  );
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
