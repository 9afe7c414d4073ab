import { isAppealStatus } from './statuses.ts';

/** A step of an appeal's history as the applicant sees it: when, what, and the public facts of it. */
export interface ResidentHistoryStep {
  at: Date;
  type: string;
  data: Record<string, string | number>;
}

/**
 * Which steps of the document history the applicant sees, and which of their facts. Internal work
 * (resolutions and their instructions, drafts, approvals, comments, staff names) stays inside;
 * the milestones the law and the public statuses speak of are shown: received, registered with
 * its number and answer deadline, extended (59-FZ Art. 12 p.2), redirected (Art. 8 p.3), Art. 11
 * handling, public status changes, the answer, the applicant's own rating or rejection, reopening.
 */
const VISIBLE: Readonly<Record<string, readonly string[]>> = {
  received: [],
  appeal_registered: ['regNumber', 'answerDue'],
  deadline_extended: ['to', 'days'],
  redirected: ['to'],
  special_handling: ['code'],
  status_changed: ['to'],
  appeal_answered: ['to'],
  answer_rated: ['rating'],
  answer_rejected: [],
  appeal_reopened: [],
};

export function residentHistory(
  events: readonly { at: Date; type: string; data: Record<string, unknown> }[],
): ResidentHistoryStep[] {
  const out: ResidentHistoryStep[] = [];
  for (const e of events) {
    const keys = VISIBLE[e.type];
    if (!keys) continue;
    // Document statuses (in_work, closed…) are the office's; only the appeal's public statuses show.
    if (e.type === 'status_changed' && !(typeof e.data.to === 'string' && isAppealStatus(e.data.to)))
      continue;
    const data: Record<string, string | number> = {};
    for (const k of keys) {
      const v = e.data[k];
      if (typeof v === 'string' || typeof v === 'number') data[k] = v;
    }
    out.push({ at: e.at, type: e.type, data });
  }
  return out;
}
