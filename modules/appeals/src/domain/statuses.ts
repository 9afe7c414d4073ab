/**
 * Public statuses of an appeal or a map report, as rich as FixMyStreet's, and the 59-FZ stage each
 * one belongs to. A pure state machine: which status may follow which, who may set it, and whether
 * it closes the case. The stage is what the law counts deadlines by; the status is what the
 * resident sees.
 */
export const APPEAL_STATUSES = [
  'received',
  'registered',
  'investigating',
  'in_progress',
  'planned',
  'answered',
  'fixed',
  'unable_to_fix',
  'not_responsible',
  'redirected',
  'duplicate',
  'closed',
  'reopened',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/**
 * 59-FZ stages: receipt (Art. 8 p.2: registration within 3 days), registered, consideration
 * (Art. 10, Art. 12 p.1: within 30 days of registration), answered (Art. 10 p.4: a written answer on
 * the merits), redirected (Art. 8 p.3), no_answer (Art. 11: the grounds on which no answer on the
 * merits is given), closed (the case is filed).
 */
export const APPEAL_STAGES = [
  'receipt',
  'registered',
  'consideration',
  'answered',
  'redirected',
  'no_answer',
  'closed',
] as const;
export type AppealStage = (typeof APPEAL_STAGES)[number];

export const STAGE_OF: Readonly<Record<AppealStatus, AppealStage>> = {
  received: 'receipt',
  registered: 'registered',
  investigating: 'consideration',
  in_progress: 'consideration',
  planned: 'consideration',
  reopened: 'consideration',
  answered: 'answered',
  fixed: 'answered',
  unable_to_fix: 'answered',
  not_responsible: 'answered',
  redirected: 'redirected',
  duplicate: 'closed',
  closed: 'closed',
};

const WORKING: readonly AppealStatus[] = ['investigating', 'in_progress', 'planned'];
const OUTCOMES: readonly AppealStatus[] = ['answered', 'fixed', 'unable_to_fix', 'not_responsible'];

/** Which status may follow which. Everything not listed is refused. */
export const TRANSITIONS: Readonly<Record<AppealStatus, readonly AppealStatus[]>> = {
  // Art. 8 p.2: nothing happens to an appeal before it is registered (a duplicate report may be merged).
  received: ['registered', 'duplicate'],
  registered: [...WORKING, ...OUTCOMES, 'redirected', 'duplicate', 'closed'],
  investigating: ['in_progress', 'planned', ...OUTCOMES, 'redirected', 'duplicate', 'closed'],
  in_progress: ['investigating', 'planned', ...OUTCOMES, 'duplicate', 'closed'],
  planned: ['investigating', 'in_progress', ...OUTCOMES, 'closed'],
  reopened: [...WORKING, ...OUTCOMES, 'redirected', 'closed'],
  answered: ['closed', 'reopened'],
  fixed: ['closed', 'reopened'],
  unable_to_fix: ['closed', 'reopened'],
  not_responsible: ['closed', 'reopened'],
  redirected: ['closed', 'reopened'],
  duplicate: ['closed', 'reopened'],
  closed: ['reopened'],
};

/**
 * Statuses staff set by hand through the status endpoint. The others come from use cases:
 * registered (registration), answered (the answer is dispatched), redirected (the redirect with its
 * notice), reopened (the resident rejects the answer).
 */
export const STAFF_SETTABLE: readonly AppealStatus[] = [
  'investigating',
  'in_progress',
  'planned',
  'fixed',
  'unable_to_fix',
  'not_responsible',
  'duplicate',
  'closed',
];

export const canTransition = (from: AppealStatus, to: AppealStatus): boolean =>
  TRANSITIONS[from].includes(to);

export const isAppealStatus = (s: string): s is AppealStatus =>
  (APPEAL_STATUSES as readonly string[]).includes(s);

/**
 * Does entering `status` close the case? Under 59-FZ a case closes only with the answer, a redirect
 * or a merge (an outcome staff mark before the answer is dispatched — "unable to fix" — is what the
 * answer will say, not the end of the case). A FixMyStreet-style report closes with its outcome.
 */
export function closesCase(status: AppealStatus, law59: boolean): boolean {
  if (['redirected', 'duplicate', 'closed'].includes(status)) return true;
  if (status === 'answered') return true;
  return !law59 && OUTCOMES.includes(status);
}

/** Statuses after which the resident may rate or reject the answer. */
export const ANSWERED_STATUSES: readonly AppealStatus[] = [...OUTCOMES, 'closed'];

/** Ordered for the UI: the group a status belongs to. */
export function statusGroup(status: AppealStatus): 'new' | 'working' | 'done' {
  if (status === 'received' || status === 'registered') return 'new';
  if (WORKING.includes(status) || status === 'reopened') return 'working';
  return 'done';
}
