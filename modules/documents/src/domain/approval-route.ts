import { badRequest } from '@zemstvo/kernel';

/** One approver's step in a round of an approval route. */
export interface ApprovalStepState {
  id: string;
  round: number;
  stage: number;
  approverUserId: string;
  decision: 'pending' | 'approved' | 'returned' | 'skipped';
}

export const MAX_APPROVERS = 20;

/**
 * Checks an approval route: stages in order, the approvers of one stage decide in parallel. Every
 * stage names at least one approver and nobody appears twice. Returns the steps with stage numbers 1…n.
 */
export function routeSteps(
  stages: readonly (readonly string[])[],
): { stage: number; approverUserId: string }[] {
  if (!stages.length) throw badRequest('empty_route', 'An approval route needs at least one approver');
  const seen = new Set<string>();
  const steps: { stage: number; approverUserId: string }[] = [];
  stages.forEach((approvers, i) => {
    if (!approvers.length) throw badRequest('empty_stage', `Stage ${i + 1} of the route names no approver`);
    for (const userId of approvers) {
      if (seen.has(userId))
        throw badRequest('approver_repeated', 'An approver appears twice in the route', { userId });
      seen.add(userId);
      steps.push({ stage: i + 1, approverUserId: userId });
    }
  });
  if (steps.length > MAX_APPROVERS)
    throw badRequest('route_too_long', `An approval route has at most ${MAX_APPROVERS} approvers`);
  return steps;
}

/** The stage whose approvers decide now: the lowest stage with a pending step, or null when none is pending. */
export function currentStage(steps: readonly ApprovalStepState[]): number | null {
  const pending = steps.filter((s) => s.decision === 'pending').map((s) => s.stage);
  return pending.length ? Math.min(...pending) : null;
}

/** The steps a user may decide: their own pending steps of the current stage (none when it is not their turn). */
export function decidableSteps(steps: readonly ApprovalStepState[], userId: string): ApprovalStepState[] {
  const stage = currentStage(steps);
  return steps.filter((s) => s.stage === stage && s.decision === 'pending' && s.approverUserId === userId);
}

/** Where a round stands: returned by anyone, approved when every step is approved, else still pending. */
export function roundOutcome(steps: readonly ApprovalStepState[]): 'approved' | 'returned' | 'pending' {
  if (steps.some((s) => s.decision === 'returned')) return 'returned';
  return steps.length > 0 && steps.every((s) => s.decision === 'approved') ? 'approved' : 'pending';
}
