import { writeAudit } from '@zemstvo/audit';
import { badRequest, conflict, forbidden, notFound, type Ctx } from '@zemstvo/kernel';
import { currentStage, decidableSteps, roundOutcome, routeSteps } from '../domain/approval-route.ts';
import { approvalsRepo, type ApprovalStepRow } from '../infra/approvals.repository.ts';
import { documentsRepo, type DocumentRow } from '../infra/documents.repository.ts';
import { versionsRepo } from '../infra/versions.repository.ts';
import { documentLabel, holdersOf, staffDirectory, tenantOf, userOf, type WorkflowDeps } from './deps.ts';
import { requireExecutorOf } from './drafting.ts';
import { recordEvent } from './history.ts';
import { notify } from './notify.ts';

export interface ApprovalState {
  round: number;
  status: DocumentRow['status'];
  steps: ApprovalStepRow[];
}

async function draftForUpdate(ctx: Ctx, draftId: string): Promise<DocumentRow> {
  const draft = await documentsRepo.getForUpdate(ctx.tx, tenantOf(ctx).municipalityId, draftId);
  if (!draft || draft.direction !== 'outgoing') throw notFound('Draft');
  return draft;
}

async function notifyStage(
  ctx: Ctx,
  deps: WorkflowDeps,
  draft: DocumentRow,
  steps: readonly ApprovalStepRow[],
): Promise<void> {
  const stage = currentStage(steps);
  for (const s of steps.filter((x) => x.stage === stage && x.decision === 'pending'))
    await notify(ctx, deps, {
      userId: s.approverUserId,
      kind: 'approval_requested',
      documentId: draft.id,
      subject: { document: documentLabel(draft) },
    });
}

/**
 * The executor sends the latest version of a draft for approval: stages in order, the approvers
 * of one stage in parallel (staff members with document.approve). Each sending is a new round.
 */
export async function sendForApproval(
  ctx: Ctx,
  deps: WorkflowDeps,
  draftId: string,
  stages: readonly (readonly string[])[],
): Promise<ApprovalState> {
  const m = tenantOf(ctx).municipalityId;
  const draft = await draftForUpdate(ctx, draftId);
  if (!draft.parentId) throw conflict('not_a_draft', 'This outgoing document answers no incoming document');
  await requireExecutorOf(ctx, draft.parentId);
  if (draft.status !== 'draft')
    throw conflict(
      draft.status === 'returned' ? 'new_version_required' : 'not_editable',
      draft.status === 'returned'
        ? 'The draft was returned for rework: save a new version before sending it again'
        : `A draft in status ${draft.status} cannot be sent for approval`,
    );
  const version = await versionsRepo.get(ctx.tx, m, draft.id);
  if (!version) throw conflict('no_version', 'Save a version of the draft first');
  const planned = routeSteps(stages);
  const approvers = planned.map((s) => s.approverUserId);
  const staff = await staffDirectory(ctx);
  const outsiders = approvers.filter((id) => !staff.has(id));
  if (outsiders.length)
    throw badRequest('approver_not_staff', 'Approvers must be staff members of this municipality', {
      userIds: outsiders,
    });
  const able = await holdersOf(ctx, deps, approvers, 'document.approve');
  const unable = approvers.filter((id) => !able.has(id));
  if (unable.length)
    throw badRequest('approver_cannot_approve', 'Approvers need the permission document.approve', {
      userIds: unable,
    });

  const round = (await approvalsRepo.lastRound(ctx.tx, m, draft.id)) + 1;
  const now = ctx.clock.now();
  const steps: ApprovalStepRow[] = [];
  for (const s of planned)
    steps.push(
      await approvalsRepo.insert(ctx.tx, m, {
        documentId: draft.id,
        round,
        ...s,
        version: version.version,
        now,
      }),
    );
  await documentsRepo.setStatus(ctx.tx, m, draft.id, 'in_approval', now);
  const route = stages.map((approverIds, i) => ({ stage: i + 1, approverIds }));
  await recordEvent(ctx, draft.id, 'sent_for_approval', { round, version: version.version, route });
  await writeAudit(ctx, {
    action: 'document.sent_for_approval',
    entity: 'document',
    entityId: draft.id,
    before: { status: draft.status },
    after: { status: 'in_approval', round, version: version.version, route },
  });
  await notifyStage(ctx, deps, draft, steps);
  return { round, status: 'in_approval', steps };
}

/**
 * An approver decides on a draft in approval: only the approver of a pending step of the current
 * stage (set-based: the caller's own pending steps of that stage). Approval of every step of the
 * round approves the draft; a return (with a comment) sends it back to the executor and ends the
 * round: a new version must be saved and a new round started.
 */
export async function decideApproval(
  ctx: Ctx,
  deps: WorkflowDeps,
  draftId: string,
  input: { decision: 'approve' | 'return'; comment?: string | undefined },
): Promise<ApprovalState> {
  const m = tenantOf(ctx).municipalityId;
  const user = userOf(ctx);
  const draft = await draftForUpdate(ctx, draftId);
  if (draft.status !== 'in_approval')
    throw conflict('not_in_approval', `The draft is ${draft.status}, not in approval`);
  const round = await approvalsRepo.lastRound(ctx.tx, m, draft.id);
  const steps = await approvalsRepo.roundForUpdate(ctx.tx, m, draft.id, round);
  const mine = decidableSteps(steps, user.userId);
  if (!mine.length)
    throw forbidden(
      'Only an approver of the current stage with a pending step decides now',
      'not_current_approver',
    );
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment)
    throw badRequest('comment_required', 'Say what to rework: a comment is required');
  const now = ctx.clock.now();
  const decision: ApprovalStepRow['decision'] = input.decision === 'approve' ? 'approved' : 'returned';
  for (const s of mine) await approvalsRepo.decide(ctx.tx, m, s.id, decision, comment, now);
  const updated = steps.map((s): ApprovalStepRow =>
    mine.some((x) => x.id === s.id) ? { ...s, decision, comment, decidedAt: now } : s,
  );
  const outcome = roundOutcome(updated);
  const label = documentLabel(draft);
  await recordEvent(ctx, draft.id, input.decision === 'approve' ? 'approval_given' : 'approval_returned', {
    round,
    stage: mine[0]!.stage,
    comment,
  });
  await writeAudit(ctx, {
    action: input.decision === 'approve' ? 'document.approval_given' : 'document.approval_returned',
    entity: 'document',
    entityId: draft.id,
    after: { round, stage: mine[0]!.stage, decision, comment },
  });

  let status: DocumentRow['status'] = 'in_approval';
  if (outcome === 'returned') {
    await approvalsRepo.skipPending(ctx.tx, m, draft.id, round, now);
    status = 'returned';
    if (draft.authorUserId)
      await notify(ctx, deps, {
        userId: draft.authorUserId,
        kind: 'approval_returned',
        documentId: draft.id,
        subject: { document: label, comment: comment ?? '' },
      });
  } else if (outcome === 'approved') {
    status = 'approved';
    for (const userId of new Set([draft.authorUserId, draft.signatoryUserId].filter((x): x is string => !!x)))
      await notify(ctx, deps, {
        userId,
        kind: 'approved',
        documentId: draft.id,
        subject: { document: label },
      });
  } else if (currentStage(updated) !== mine[0]!.stage) await notifyStage(ctx, deps, draft, updated);
  if (status !== 'in_approval') {
    await documentsRepo.setStatus(ctx.tx, m, draft.id, status, now);
    await recordEvent(ctx, draft.id, status, { round });
    await writeAudit(ctx, {
      action: `document.${status}`,
      entity: 'document',
      entityId: draft.id,
      before: { status: 'in_approval' },
      after: { status, round },
    });
  }
  return { round, status, steps: await approvalsRepo.roundForUpdate(ctx.tx, m, draft.id, round) };
}
