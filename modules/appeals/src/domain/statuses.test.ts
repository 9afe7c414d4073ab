import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPEAL_STAGES,
  APPEAL_STATUSES,
  canTransition,
  closesCase,
  STAFF_SETTABLE,
  STAGE_OF,
  TRANSITIONS,
  type AppealStatus,
} from './statuses.ts';

describe('appeal statuses', () => {
  it('maps every public status to a 59-FZ stage', () => {
    for (const s of APPEAL_STATUSES) expect(APPEAL_STAGES).toContain(STAGE_OF[s]);
    expect(STAGE_OF.received).toBe('receipt');
    expect(STAGE_OF.in_progress).toBe('consideration');
    expect(STAGE_OF.answered).toBe('answered');
    expect(STAGE_OF.redirected).toBe('redirected');
  });

  it('allows the FixMyStreet path and the 59-FZ path', () => {
    const walk = (path: AppealStatus[]) => path.every((s, i) => i === 0 || canTransition(path[i - 1]!, s));
    expect(
      walk(['received', 'registered', 'investigating', 'in_progress', 'planned', 'fixed', 'closed']),
    ).toBe(true);
    expect(
      walk(['received', 'registered', 'in_progress', 'answered', 'reopened', 'in_progress', 'answered']),
    ).toBe(true);
    expect(walk(['received', 'registered', 'redirected', 'closed'])).toBe(true);
    expect(walk(['received', 'duplicate'])).toBe(true);
  });

  it('refuses skipping registration, leaving a final status sideways, and reopening what is not finished', () => {
    expect(canTransition('received', 'in_progress')).toBe(false);
    expect(canTransition('received', 'answered')).toBe(false);
    expect(canTransition('answered', 'in_progress')).toBe(false);
    expect(canTransition('closed', 'answered')).toBe(false);
    expect(canTransition('in_progress', 'reopened')).toBe(false);
    expect(canTransition('registered', 'received')).toBe(false);
  });

  it('property: no status follows itself, every target exists, and a final status only closes or reopens', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPEAL_STATUSES), fc.constantFrom(...APPEAL_STATUSES), (from, to) => {
        if (canTransition(from, to)) {
          expect(from).not.toBe(to);
          expect(APPEAL_STATUSES).toContain(to);
          if (STAGE_OF[from] === 'answered' || STAGE_OF[from] === 'redirected' || STAGE_OF[from] === 'closed')
            expect(['closed', 'reopened']).toContain(to);
          if (to === 'reopened') expect(['answered', 'redirected', 'closed']).toContain(STAGE_OF[from]);
        }
      }),
    );
    for (const targets of Object.values(TRANSITIONS))
      for (const t of targets) expect(APPEAL_STATUSES).toContain(t);
  });

  it('property: every status is reachable from received', () => {
    const seen = new Set<AppealStatus>(['received']);
    for (let changed = true; changed;) {
      changed = false;
      for (const s of [...seen])
        for (const t of TRANSITIONS[s])
          if (!seen.has(t)) {
            seen.add(t);
            changed = true;
          }
    }
    expect([...seen].sort()).toEqual([...APPEAL_STATUSES].sort());
  });

  it('lets staff set outcomes by hand but not the statuses other steps own', () => {
    for (const s of ['planned', 'unable_to_fix', 'not_responsible', 'duplicate'] as const)
      expect(STAFF_SETTABLE).toContain(s);
    for (const s of ['received', 'registered', 'answered', 'redirected', 'reopened'] as const)
      expect(STAFF_SETTABLE).not.toContain(s);
  });

  it('closes a 59-FZ case only with the answer, a redirect or a merge; a report closes with its outcome', () => {
    expect(closesCase('answered', true)).toBe(true);
    expect(closesCase('redirected', true)).toBe(true);
    expect(closesCase('duplicate', true)).toBe(true);
    expect(closesCase('unable_to_fix', true)).toBe(false);
    expect(closesCase('fixed', true)).toBe(false);
    expect(closesCase('fixed', false)).toBe(true);
    expect(closesCase('not_responsible', false)).toBe(true);
    expect(closesCase('in_progress', false)).toBe(false);
    expect(closesCase('planned', true)).toBe(false);
  });
});
