import { writeAudit } from '@zemstvo/audit';
import type { IsoDate } from '@zemstvo/calendar';
import { badRequest, conflict, notFound, type Ctx } from '@zemstvo/kernel';
import { documentsRepo } from '../infra/documents.repository.ts';
import { executionRepo, type AssignmentRow } from '../infra/execution.repository.ts';
import { remindDaysFor, scheduleControl } from './control-of-execution.ts';
import { tenantOf, today, type WorkflowDeps } from './deps.ts';
import { recordEvent } from './history.ts';

/**
 * The head moves the due date of the active resolution (перенос срока исполнения): its open
 * assignments get the new date and new reminder and escalation jobs; the jobs of the old date find
 * it changed and do nothing. Not later than the document's legal deadline.
 */
export async function changeResolutionDueDate(
  ctx: Ctx,
  deps: WorkflowDeps,
  documentId: string,
  input: { dueDate: IsoDate; reason: string },
): Promise<AssignmentRow[]> {
  const m = tenantOf(ctx).municipalityId;
  const doc = await documentsRepo.getForUpdate(ctx.tx, m, documentId);
  if (!doc) throw notFound('Document');
  const resolution = await executionRepo.activeResolutionForUpdate(ctx.tx, m, doc.id);
  if (!resolution) throw conflict('no_active_resolution', 'The document has no active resolution');
  if (input.dueDate < today(ctx)) throw badRequest('due_date_past', 'The due date has already passed');
  if (doc.dueDate && input.dueDate > doc.dueDate)
    throw badRequest(
      'due_after_legal_deadline',
      `The due date may not be later than the document's deadline ${doc.dueDate}`,
      {
        legalDueDate: doc.dueDate,
      },
    );
  await executionRepo.setResolutionDue(ctx.tx, m, resolution.id, input.dueDate);
  const moved = await executionRepo.setOpenAssignmentsDue(ctx.tx, m, resolution.id, input.dueDate);
  const remindDays = await remindDaysFor(ctx, deps, doc.serviceInstanceId);
  for (const a of moved) await scheduleControl(ctx, deps, a, remindDays);
  const facts = {
    resolutionId: resolution.id,
    from: resolution.dueDate,
    to: input.dueDate,
    reason: input.reason,
  };
  await recordEvent(ctx, doc.id, 'due_date_changed', facts);
  await writeAudit(ctx, {
    action: 'resolution.due_date_changed',
    entity: 'resolution',
    entityId: resolution.id,
    before: { dueDate: resolution.dueDate },
    after: facts,
  });
  return moved;
}
