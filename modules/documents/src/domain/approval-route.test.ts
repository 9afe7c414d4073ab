import { describe, expect, it } from 'vitest';
import type { AppError } from '@zemstvo/kernel';
import {
  currentStage,
  decidableSteps,
  roundOutcome,
  routeSteps,
  type ApprovalStepState,
} from './approval-route.ts';

const step = (
  id: string,
  stage: number,
  approverUserId: string,
  decision: ApprovalStepState['decision'] = 'pending',
): ApprovalStepState => ({
  id,
  round: 1,
  stage,
  approverUserId,
  decision,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};

describe('approval route', () => {
  it('numbers stages in order and refuses empty stages, repeated approvers and empty routes', () => {
    expect(routeSteps([['a', 'b'], ['c']])).toEqual([
      { stage: 1, approverUserId: 'a' },
      { stage: 1, approverUserId: 'b' },
      { stage: 2, approverUserId: 'c' },
    ]);
    expect(codeOf(() => routeSteps([]))).toBe('empty_route');
    expect(codeOf(() => routeSteps([['a'], []]))).toBe('empty_stage');
    expect(codeOf(() => routeSteps([['a'], ['a']]))).toBe('approver_repeated');
  });

  it('lets only the approvers of the current stage decide, in parallel within it', () => {
    const steps = [step('1', 1, 'a'), step('2', 1, 'b'), step('3', 2, 'c')];
    expect(currentStage(steps)).toBe(1);
    expect(decidableSteps(steps, 'a').map((s) => s.id)).toEqual(['1']);
    expect(decidableSteps(steps, 'c')).toEqual([]);
    const afterA = [step('1', 1, 'a', 'approved'), step('2', 1, 'b'), step('3', 2, 'c')];
    expect(decidableSteps(afterA, 'a')).toEqual([]);
    expect(decidableSteps(afterA, 'c')).toEqual([]);
    const stage2 = [step('1', 1, 'a', 'approved'), step('2', 1, 'b', 'approved'), step('3', 2, 'c')];
    expect(currentStage(stage2)).toBe(2);
    expect(decidableSteps(stage2, 'c').map((s) => s.id)).toEqual(['3']);
  });

  it('a round is approved when every step is, returned when any step is', () => {
    expect(roundOutcome([step('1', 1, 'a', 'approved'), step('2', 2, 'b')])).toBe('pending');
    expect(roundOutcome([step('1', 1, 'a', 'approved'), step('2', 2, 'b', 'approved')])).toBe('approved');
    expect(roundOutcome([step('1', 1, 'a', 'returned'), step('2', 1, 'b', 'skipped')])).toBe('returned');
    expect(roundOutcome([])).toBe('pending');
  });
});
