import { actorLabel, actorUserId, prepared, type Ctx, type Sql } from '@zemstvo/kernel';
import { toStoredJson } from './canonical.ts';
import { hashPieces, type AuditRecordBody } from './chain.ts';

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
  if (!tx.beforeCommit) return appendRecords(tx, [record], false);
  const waiting = queued.get(tx);
  if (waiting) {
    waiting.push(record);
    return;
  }
  const records = [record];
  queued.set(tx, records);
  tx.beforeCommit(async () => {
    queued.delete(tx);
    // Deferred work (the search index) runs first in the same call, so that nothing else runs
    // while the head is locked.
    await appendRecords(tx, records, true);
  });
}

/**
 * Chains the records in the order they were written, in one call (`audit_append`, migration
 * audit/0002): the heads of their chains are locked in a fixed order (so concurrent writers cannot
 * deadlock), each record's hash is computed from the canonical JSON built here (`hashPieces`) and
 * the head's hash, and the records and the moved heads are written. `immediate` first runs the
 * transaction's deferred triggers.
 */
async function appendRecords(sql: Sql, records: readonly Unchained[], immediate: boolean): Promise<void> {
  const rows = records.map((r) => {
    const pieces = hashPieces(r);
    return {
      chain: r.chain,
      occurred_at: r.occurredAt,
      municipality_id: r.municipalityId,
      actor: r.actor,
      actor_user_id: r.actorUserId,
      action: r.action,
      entity: r.entity,
      entity_id: r.entityId,
      before: r.before,
      after: r.after,
      request_id: r.requestId,
      canon_head: pieces.head,
      canon_mid: pieces.mid,
      canon_tail: pieces.tail,
    };
  });
  await sql.query(prepared('SELECT audit_append($1::jsonb, $2)'), [JSON.stringify(rows), immediate]);
}
