import { actorLabel, actorUserId, type Ctx } from '@zemstvo/kernel';
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

/**
 * Appends one record to the audit chain of the tenant, in the caller's transaction: the record
 * exists exactly when the change it describes commits. Never pass secrets (password hashes,
 * tokens) in before/after.
 */
export async function writeAudit(ctx: Ctx, e: AuditEvent): Promise<void> {
  const municipalityId = e.municipalityId !== undefined ? e.municipalityId : (ctx.tenant?.municipalityId ?? null);
  const chain = municipalityId ?? 'platform';
  await ctx.tx.query(
    `INSERT INTO audit_chain_heads (chain, chain_seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`,
    [chain, GENESIS_HASH],
  );
  const [head] = await ctx.tx.query<{ chain_seq: number | string; hash: string }>(
    'SELECT chain_seq, hash FROM audit_chain_heads WHERE chain = $1 FOR UPDATE',
    [chain],
  );
  if (!head) throw new Error(`audit chain head ${chain} vanished`);
  const body: AuditRecordBody = {
    chain,
    chainSeq: Number(head.chain_seq) + 1,
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
    prevHash: head.hash,
  };
  const hash = hashRecord(body);
  await ctx.tx.query(
    `INSERT INTO audit_log (chain, chain_seq, occurred_at, municipality_id, actor, actor_user_id, action, entity,
       entity_id, before, after, request_id, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
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
    ],
  );
  await ctx.tx.query('UPDATE audit_chain_heads SET chain_seq = $2, hash = $3 WHERE chain = $1', [
    chain,
    body.chainSeq,
    hash,
  ]);
}
