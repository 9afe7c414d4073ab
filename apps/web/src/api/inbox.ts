/** The staff inbox (GET /api/m/:m/inbox): boxes by role, server-side paging, filters, search. */
import type { Localized } from './types.ts';

export const INBOX_BOXES = [
  'to_register',
  'to_decide',
  'to_execute',
  'to_approve',
  'to_sign',
  'overdue',
  'all',
] as const;
export type InboxBox = (typeof INBOX_BOXES)[number];

/** The permission that makes each box worth showing to a member. */
export const BOX_PERMISSION: Readonly<Record<InboxBox, string>> = {
  to_register: 'document.register',
  to_decide: 'document.resolve',
  to_execute: 'document.execute',
  to_approve: 'document.approve',
  to_sign: 'document.sign',
  overdue: 'document.view',
  all: 'document.view',
};

export interface Titled {
  code: string;
  title: Localized;
}

export interface InboxItem {
  id: string;
  regNumber: string | null;
  regDate: string | null;
  title: string;
  excerpt: string;
  status: string;
  stage: string;
  service: string;
  category: Titled;
  theme: Titled | null;
  applicantName: string | null;
  receivedAt: string;
  registeredAt: string | null;
  registrationDue: string;
  answerDue: string | null;
  noticeDue: string | null;
  closedAt: string | null;
  specialHandling: string | null;
  executorName: string | null;
  overdue: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  /** Exact up to 10,000; above, 10,000 with `totalIsEstimate` («10 000+»). */
  total: number;
  totalIsEstimate?: boolean;
  limit: number;
  offset: number;
  /** How many cases each box holds for the caller (shown next to the box names). */
  counts: Record<InboxBox, number>;
  /** Boxes whose count is a lower bound (more than 10,000 cases). */
  estimatedCounts?: InboxBox[];
}

/** The inbox's query as the page keeps it in its URL. */
export interface InboxQuery {
  box: InboxBox;
  q: string;
  status: string;
  category: string;
  from: string;
  to: string;
  page: number;
}

export const PAGE_SIZE = 25;

export const isInboxBox = (v: string | null): v is InboxBox =>
  (INBOX_BOXES as readonly (string | null)[]).includes(v);

export function readInboxQuery(params: URLSearchParams, fallbackBox: InboxBox): InboxQuery {
  const box = params.get('box');
  const page = Number(params.get('page') ?? '1');
  return {
    box: isInboxBox(box) ? box : fallbackBox,
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    category: params.get('category') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The page's own URL parameters (defaults left out, so links stay short). */
export function inboxSearch(q: InboxQuery): URLSearchParams {
  const p = new URLSearchParams({ box: q.box });
  for (const key of ['q', 'status', 'category', 'from', 'to'] as const)
    if (q[key].trim()) p.set(key, q[key].trim());
  if (q.page > 1) p.set('page', String(q.page));
  return p;
}

/** The API's URL for a query. */
export function inboxApiPath(municipality: string, q: InboxQuery): string {
  const p = new URLSearchParams({
    box: q.box,
    limit: String(PAGE_SIZE),
    offset: String((q.page - 1) * PAGE_SIZE),
  });
  if (q.q.trim()) p.set('q', q.q.trim());
  if (q.status) p.set('status', q.status);
  if (q.category) p.set('category', q.category);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  return `/api/m/${encodeURIComponent(municipality)}/inbox?${p.toString()}`;
}

export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / PAGE_SIZE));
