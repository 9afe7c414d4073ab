import { sha256Hex } from '@zemstvo/kernel';
import { canonicalJson } from './canonical.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit record that its hash covers: all of them. */
export interface AuditRecordBody {
  chain: string;
  chainSeq: number;
  occurredAt: string;
  municipalityId: string | null;
  actor: string;
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

export function hashRecord(r: AuditRecordBody): string {
  return sha256Hex(r.prevHash + canonicalJson(r));
}

/**
 * The canonical JSON of a record around the two values only known under its chain head's lock:
 * `canonicalJson(r) === head + r.chainSeq + mid + r.prevHash + tail` for every chainSeq and
 * prevHash (a 64-digit hex hash). The database (`audit_append`, migration audit/0002) chains the
 * records with it, so the hash is `hashRecord`'s. The keys in sorted order, as canonicalJson writes
 * them: action, actor, actorUserId, after, before, chain, chainSeq, entity, entityId,
 * municipalityId, occurredAt, prevHash, requestId (none is ever undefined).
 */
export function hashPieces(r: Omit<AuditRecordBody, 'chainSeq' | 'prevHash'>): {
  head: string;
  mid: string;
  tail: string;
} {
  const kv = (k: string, v: unknown) => {
    if (v === undefined) throw new Error(`audit record field ${k} is undefined`);
    return `${JSON.stringify(k)}:${canonicalJson(v)}`;
  };
  const head = [
    kv('action', r.action),
    kv('actor', r.actor),
    kv('actorUserId', r.actorUserId),
    kv('after', r.after),
    kv('before', r.before),
    kv('chain', r.chain),
  ].join(',');
  const mid = [
    kv('entity', r.entity),
    kv('entityId', r.entityId),
    kv('municipalityId', r.municipalityId),
    kv('occurredAt', r.occurredAt),
  ].join(',');
  return {
    head: `{${head},"chainSeq":`,
    mid: `,${mid},"prevHash":"`,
    tail: `",${kv('requestId', r.requestId)}}`,
  };
}
