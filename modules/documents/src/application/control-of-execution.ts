import { writeAudit } from '@zemstvo/audit';
import { enqueueJob, type JobHandler } from '@zemstvo/db';
import type { Ctx } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { z } from 'zod';
import { escalationTime, reminderTime } from '../domain/control-dates.ts';
import { documentsRepo } from '../infra/documents.repository.ts';
import { executionRepo, type AssignmentRow } from '../infra/execution.repository.ts';
import {
  documentLabel,
  packageOf,
  staffDirectory,
  tenantOf,
  DEFAULT_REMIND_WORKING_DAYS,
  installation,
  type WorkflowDeps,
} from './deps.ts';
import { recordEvent } from './history.ts';
import { notify } from './notify.ts';

/** Job kinds of control of execution (registered by the documents module). */
export const REMIND_JOB = 'documents.assignment.remind';
export const ESCALATE_JOB = 'documents.assignment.escalate';

const payloadSchema = z.object({ municipality: z.string(), assignmentId: z.uuid(), due: z.string() });

/** How many working days before the due date the package of this document wants reminders. */
export async function remindDaysFor(
  ctx: Ctx,
  deps: WorkflowDeps,
  serviceInstanceId: string | null,
): Promise<number> {
  const pkg = await packageOf(ctx, deps, serviceInstanceId);
  return pkg?.manifest.deadlines.remindWorkingDaysBefore ?? DEFAULT_REMIND_WORKING_DAYS;
}

/**
 * Schedules the reminder (N working days before the due date, in the morning) and the escalation
 * (the morning after the due date) of an assignment, in the caller's transaction. The unique keys
 * name the assignment and its due date: a job never exists twice, survives restarts with the
 * database, and a new due date gets jobs of its own (the old ones find the date changed and stop).
 */
export async function scheduleControl(
  ctx: Ctx,
  deps: WorkflowDeps,
  a: AssignmentRow,
  remindDays: number,
): Promise<void> {
  const tenant = tenantOf(ctx);
  const calendar = await deps.hooks.workingCalendar(ctx);
  const payload = { municipality: tenant.slug, assignmentId: a.id, due: a.dueDate };
  await enqueueJob(ctx.tx, ctx.clock, {
    kind: REMIND_JOB,
    payload,
    runAt: reminderTime(calendar, a.dueDate, remindDays, tenant.timeZone),
    municipalityId: tenant.municipalityId,
    uniqueKey: `remind:${a.id}:${a.dueDate}`,
  });
  await enqueueJob(ctx.tx, ctx.clock, {
    kind: ESCALATE_JOB,
    payload,
    runAt: escalationTime(a.dueDate, tenant.timeZone),
    municipalityId: tenant.municipalityId,
    uniqueKey: `escalate:${a.id}:${a.dueDate}`,
  });
}

/**
 * The ctx of a control job in its municipality, and the assignment it is about, locked — or null
 * when there is nothing to do any more (done, cancelled, or its due date changed since).
 */
async function openAssignmentOf(jobCtx: Ctx, municipalityId: string | null, raw: unknown) {
  const p = payloadSchema.parse(raw);
  const tenant = await tenancyRepo.tenantBySlug(jobCtx.tx, p.municipality);
  if (!tenant || tenant.municipalityId !== municipalityId) return null;
  const ctx: Ctx = { ...jobCtx, tenant };
  const a = await executionRepo.assignmentForUpdate(ctx.tx, tenant.municipalityId, p.assignmentId);
  if (!a || a.status !== 'open' || a.dueDate !== p.due) return null;
  const doc = await documentsRepo.get(ctx.tx, tenant.municipalityId, a.documentId);
  return doc ? { ctx, a, doc } : null;
}

/** The reminder job: the executor of a still-open assignment hears of its due date, once. */
export function makeRemindJob(): JobHandler {
  return async (job, jobCtx) => {
    const found = await openAssignmentOf(jobCtx, job.municipalityId, job.payload);
    if (!found) return;
    const { ctx, a, doc } = found;
    await notify(ctx, installation, {
      userId: a.executorUserId,
      kind: 'reminder',
      documentId: doc.id,
      assignmentId: a.id,
      subject: { document: documentLabel(doc), due: a.dueDate },
    });
    await recordEvent(ctx, doc.id, 'reminder_sent', {
      assignmentId: a.id,
      executorUserId: a.executorUserId,
      due: a.dueDate,
    });
    await writeAudit(ctx, {
      action: 'assignment.reminded',
      entity: 'assignment',
      entityId: a.id,
      after: { due: a.dueDate },
    });
  };
}

/** The escalation job: an assignment still open after its due date goes to the head who wrote the resolution. */
export function makeEscalateJob(): JobHandler {
  return async (job, jobCtx) => {
    const found = await openAssignmentOf(jobCtx, job.municipalityId, job.payload);
    if (!found) return;
    const { ctx, a, doc } = found;
    const resolution = await executionRepo.resolution(ctx.tx, tenantOf(ctx).municipalityId, a.resolutionId);
    if (!resolution) return;
    const executor = (await staffDirectory(ctx)).get(a.executorUserId)?.displayName ?? a.executorUserId;
    await notify(ctx, installation, {
      userId: resolution.authorUserId,
      kind: 'escalation',
      documentId: doc.id,
      assignmentId: a.id,
      subject: { document: documentLabel(doc), due: a.dueDate, executor },
    });
    await recordEvent(ctx, doc.id, 'overdue_escalated', {
      assignmentId: a.id,
      executorUserId: a.executorUserId,
      headUserId: resolution.authorUserId,
      due: a.dueDate,
    });
    await writeAudit(ctx, {
      action: 'assignment.escalated',
      entity: 'assignment',
      entityId: a.id,
      after: { due: a.dueDate, headUserId: resolution.authorUserId },
    });
  };
}
