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
