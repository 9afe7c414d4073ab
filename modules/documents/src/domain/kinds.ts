/** The four start events (PRODUCT.md): each becomes an incoming document of one of these kinds. */
export const START_EVENT_KINDS = ['appeal', 'order', 'interagency_request', 'signal'] as const;
export type StartEventKind = (typeof START_EVENT_KINDS)[number];

/** Kinds of outgoing and internal documents the platform produces. */
export const OUTGOING_KINDS = ['answer', 'notice', 'letter', 'report', 'order_out'] as const;

export type DocumentDirection = 'incoming' | 'outgoing' | 'internal';

/**
 * Document statuses in document flow. Incoming: received → registered → in_work → done → closed.
 * Outgoing drafts: draft → in_approval ↔ returned → approved → signed → dispatched.
 */
export const DOCUMENT_STATUSES = [
  'received',
  'registered',
  'in_work',
  'done',
  'closed',
  'draft',
  'in_approval',
  'returned',
  'approved',
  'signed',
  'dispatched',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
