import { writeAudit } from '@zemstvo/audit';
import { conflict, forbidden, notFound, type Ctx } from '@zemstvo/kernel';
import { documentsRepo } from '../infra/documents.repository.ts';
import { executionRepo, type AssignmentRow } from '../infra/execution.repository.ts';
import { tenantOf, userOf } from './deps.ts';
import { recordEvent } from './history.ts';

/**
 * An executor reports their assignment done. When every assignment of the resolution is done, the
 * resolution is done and the document is executed (`done`) — the answer, if one is due, follows.
 */
export async function completeAssignment(
  ctx: Ctx,
  assignmentId: string,
  report: string,
): Promise<AssignmentRow> {
  const m = tenantOf(ctx).municipalityId;
  const user = userOf(ctx);
  const a = await executionRepo.assignmentForUpdate(ctx.tx, m, assignmentId);
  if (!a) throw notFound('Assignment', 'assignment_not_found');
  if (a.executorUserId !== user.userId)
    throw forbidden('Only its executor reports an assignment done', 'not_your_assignment');
  if (a.status !== 'open') throw conflict('assignment_not_open', `The assignment is ${a.status}`);
  const now = ctx.clock.now();
  await executionRepo.completeAssignment(ctx.tx, m, a.id, report, now);
  await recordEvent(ctx, a.documentId, 'assignment_completed', { assignmentId: a.id, role: a.role, report });
  await writeAudit(ctx, {
    action: 'assignment.completed',
    entity: 'assignment',
    entityId: a.id,
    before: { status: 'open' },
    after: { status: 'done', report },
  });
  const all = await executionRepo.assignmentsOfResolution(ctx.tx, m, a.resolutionId);
  if (all.every((x) => x.status !== 'open')) {
    await executionRepo.setResolutionStatus(ctx.tx, m, a.resolutionId, 'done');
    const doc = await documentsRepo.getForUpdate(ctx.tx, m, a.documentId);
    if (doc?.status === 'in_work') {
      await documentsRepo.setStatus(ctx.tx, m, doc.id, 'done', now);
      await recordEvent(ctx, doc.id, 'executed', { resolutionId: a.resolutionId });
      await writeAudit(ctx, {
        action: 'document.executed',
        entity: 'document',
        entityId: doc.id,
        before: { status: 'in_work' },
        after: { status: 'done' },
      });
    }
  }
  return { ...a, status: 'done', report, completedAt: now };
}
