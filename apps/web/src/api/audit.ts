/** The audit log page's query (kept in the page's URL) and the API's URL for it. */
export interface AuditQuery {
  action: string;
  actor: string;
  /** Calendar days (`2026-03-02`) in the browser's time zone; `to` is included. */
  from: string;
  to: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function readAuditQuery(params: URLSearchParams): AuditQuery {
  const page = Number(params.get('page') ?? '1');
  return {
    action: params.get('action') ?? '',
    actor: params.get('actor') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The page's own URL parameters (defaults left out). */
export function auditSearch(q: AuditQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['action', 'actor', 'from', 'to'] as const) if (q[key].trim()) p.set(key, q[key].trim());
  if (q.page > 1) p.set('page', String(q.page));
  return p;
}

/** The start of a local calendar day as an instant (null for a malformed day). */
function localDayStart(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * The API's URL: newest first, one row more than a page (to know whether older records exist),
 * the period from the start of `from` to the end of `to` in the browser's time zone.
 */
export function auditApiPath(municipality: string, q: AuditQuery): string {
  const p = new URLSearchParams({
    order: 'desc',
    limit: String(AUDIT_PAGE_SIZE + 1),
    offset: String((q.page - 1) * AUDIT_PAGE_SIZE),
  });
  if (q.action.trim()) p.set('action', q.action.trim());
  if (q.actor.trim()) p.set('actor', q.actor.trim());
  const from = q.from ? localDayStart(q.from) : null;
  const to = q.to ? localDayStart(q.to, 1) : null;
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  return `/api/m/${encodeURIComponent(municipality)}/audit?${p.toString()}`;
}

/** Where an audited object is shown in the workspace, when it has a page (appeals are documents). */
export function auditObjectPath(slug: string, entity: string, entityId: string | null): string | null {
  if (!entityId || (entity !== 'appeal' && entity !== 'document')) return null;
  return `/workspace/${encodeURIComponent(slug)}/documents/${encodeURIComponent(entityId)}`;
}

/** Who did it, as a kind the page names in words (`system:cli:ivan` is the command line). */
export type AuditActorKind = 'user' | 'system' | 'commandLine' | 'anonymous';

export function auditActorKind(actor: string): AuditActorKind {
  if (actor === 'anonymous') return 'anonymous';
  if (actor === 'system:cli' || actor.startsWith('system:cli:')) return 'commandLine';
  if (actor.startsWith('system:')) return 'system';
  return 'user';
}
