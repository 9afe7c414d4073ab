import type { Sql } from '@zemstvo/kernel';

/** One audit record as the audit log page and `GET /m/:municipality/audit` show it. */
export interface AuditListRow {
  seq: string;
  chainSeq: string;
  occurredAt: string;
  actor: string;
  /** The acting user's display name when the actor is a user still on file. */
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

export interface AuditListFilter {
  order: 'asc' | 'desc';
  action?: string;
  actor?: string;
  /** Inclusive lower bound of `occurred_at`. */
  from?: string;
  /** Exclusive upper bound of `occurred_at`. */
  to?: string;
  limit: number;
  offset: number;
}

/**
 * A page of a municipality's audit records by when they happened (`occurred_at`, then `seq`),
 * with optional filters. The `(municipality_id, occurred_at DESC, seq DESC)` index (migration
 * audit/0003) serves both directions. The chain's own order is `verifyAudit`'s business.
 */
export async function listAuditRecords(
  sql: Sql,
  municipalityId: string,
  f: AuditListFilter,
): Promise<AuditListRow[]> {
  const where = ['a.municipality_id = $1'];
  const params: unknown[] = [municipalityId];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (f.action) add('a.action = ?', f.action);
  if (f.actor) add('a.actor = ?', f.actor);
  if (f.from) add('a.occurred_at >= ?', f.from);
  if (f.to) add('a.occurred_at < ?', f.to);
  params.push(f.limit, f.offset);
  const direction = f.order === 'asc' ? 'ASC' : 'DESC';
  return sql.query<AuditListRow>(
    `SELECT a.seq, a.chain_seq AS "chainSeq", a.occurred_at AS "occurredAt", a.actor,
       u.display_name AS "actorName", a.action, a.entity, a.entity_id AS "entityId", a.before,
       a.after, a.request_id AS "requestId", a.hash
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
     WHERE ${where.join(' AND ')}
     ORDER BY a.occurred_at ${direction}, a.seq ${direction} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}
