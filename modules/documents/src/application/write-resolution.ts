import { writeAudit } from '@zemstvo/audit';
import type { IsoDate } from '@zemstvo/calendar';
import { badRequest, conflict, notFound, type Ctx } from '@zemstvo/kernel';
import type { ResolutionInfo } from '../domain/hooks.ts';
import { documentsRepo } from '../infra/documents.repository.ts';
import { executionRepo, type AssignmentRow, type ResolutionRow } from '../infra/execution.repository.ts';
import { remindDaysFor, scheduleControl } from './control-of-execution.ts';
import {
  documentLabel,
  holdersOf,
  staffDirectory,
  tenantOf,
  today,
  userOf,
  type WorkflowDeps,
} from './deps.ts';
import { recordEvent } from './history.ts';
import { notify } from './notify.ts';

export interface ResolutionInput {
  responsibleUserId: string;
  coExecutorUserIds: readonly string[];
  dueDate: IsoDate;
  instruction: string;
}

export interface ResolutionOutcome {
  resolution: ResolutionRow;
  assignments: AssignmentRow[];
  superseded: string | null;
}

/** Statuses of an incoming document a head may write (or re-write) a resolution on. */
const RESOLVABLE = new Set(['registered', 'in_work', 'done']);

/**
 * A head's resolution (резолюция) on a registered incoming document: the responsible executor and
 * co-executors (staff of this municipality who may execute documents), a due date no later than the
 * document's legal deadline, and the instruction. A new resolution re-assigns: the previous one is
 * superseded and its open assignments cancelled. The document goes to work; reminders and the
 * escalation of every assignment are scheduled.
 */
export async function writeResolution(
  ctx: Ctx,
  deps: WorkflowDeps,
  documentId: string,
  input: ResolutionInput,
): Promise<ResolutionOutcome> {
  const m = tenantOf(ctx).municipalityId;
  const head = userOf(ctx);
  const doc = await documentsRepo.getForUpdate(ctx.tx, m, documentId);
  if (!doc) throw notFound('Document');
  if (doc.direction !== 'incoming')
    throw conflict('not_incoming', 'Resolutions are written on incoming documents');
  if (doc.status === 'received')
    throw conflict('not_registered', 'Register the document before writing a resolution');
  if (!RESOLVABLE.has(doc.status))
    throw conflict(
      'document_closed',
      `A document in status ${doc.status} takes no resolution; reopen it first`,
    );

  if (input.dueDate < today(ctx)) throw badRequest('due_date_past', 'The due date has already passed');
  if (doc.dueDate && input.dueDate > doc.dueDate)
    throw badRequest(
      'due_after_legal_deadline',
      `The due date may not be later than the document's deadline ${doc.dueDate}`,
      {
        legalDueDate: doc.dueDate,
      },
    );
  const executors = [input.responsibleUserId, ...input.coExecutorUserIds];
  if (new Set(executors).size !== executors.length)
    throw badRequest(
      'executor_repeated',
      'Each executor appears once (the responsible one is not also a co-executor)',
    );
  const staff = await staffDirectory(ctx);
  const outsiders = executors.filter((id) => !staff.has(id));
  if (outsiders.length)
    throw badRequest('executor_not_staff', 'Executors must be staff members of this municipality', {
      userIds: outsiders,
    });
  const able = await holdersOf(ctx, deps, executors, 'document.execute');
  const unable = executors.filter((id) => !able.has(id));
  if (unable.length)
    throw badRequest('executor_cannot_execute', 'Executors need the permission document.execute', {
      userIds: unable,
    });

  const previous = await executionRepo.activeResolutionForUpdate(ctx.tx, m, doc.id);
  if (previous) {
    await executionRepo.setResolutionStatus(ctx.tx, m, previous.id, 'superseded');
    const cancelled = await executionRepo.cancelOpenAssignments(ctx.tx, m, previous.id);
    await recordEvent(ctx, doc.id, 'resolution_superseded', {
      resolutionId: previous.id,
      cancelledAssignments: cancelled,
    });
  }
  const now = ctx.clock.now();
  const resolution = await executionRepo.insertResolution(ctx.tx, m, {
    documentId: doc.id,
    authorUserId: head.userId,
    instruction: input.instruction,
    dueDate: input.dueDate,
    supersedes: previous?.id ?? null,
    now,
  });
  const remindDays = await remindDaysFor(ctx, deps, doc.serviceInstanceId);
  const assignments: AssignmentRow[] = [];
  for (const [i, executorUserId] of executors.entries()) {
    const a = await executionRepo.insertAssignment(ctx.tx, m, {
      resolutionId: resolution.id,
      documentId: doc.id,
      executorUserId,
      role: i === 0 ? 'responsible' : 'co_executor',
      dueDate: input.dueDate,
      now,
    });
    assignments.push(a);
    await scheduleControl(ctx, deps, a, remindDays);
    await notify(ctx, deps, {
      userId: executorUserId,
      kind: 'assigned',
      documentId: doc.id,
      assignmentId: a.id,
      subject: { document: documentLabel(doc), due: a.dueDate },
    });
  }

  if (doc.status !== 'in_work') await documentsRepo.setStatus(ctx.tx, m, doc.id, 'in_work', now);
  const info: ResolutionInfo = {
    resolutionId: resolution.id,
    responsibleUserId: input.responsibleUserId,
    coExecutorUserIds: [...input.coExecutorUserIds],
    dueDate: input.dueDate,
    supersedes: previous?.id ?? null,
  };
  await recordEvent(ctx, doc.id, previous ? 'reassigned' : 'resolution', {
    ...info,
    instruction: input.instruction,
  });
  await writeAudit(ctx, {
    action: previous ? 'document.reassigned' : 'document.resolution_written',
    entity: 'document',
    entityId: doc.id,
    before: { status: doc.status, resolutionId: previous?.id ?? null },
    after: { status: 'in_work', ...info, instruction: input.instruction },
  });
  await deps.hooks.onResolution(ctx, doc.id, info);
  return { resolution, assignments, superseded: previous?.id ?? null };
}
