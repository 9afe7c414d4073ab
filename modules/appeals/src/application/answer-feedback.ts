import { writeAudit } from '@zemstvo/audit';
import { computeDeadline } from '@zemstvo/calendar';
import { documentsRepo, recordEvent, reopenDocument } from '@zemstvo/documents';
import { conflict, notFound, unauthorized, type Ctx } from '@zemstvo/kernel';
import { canTransition, STAGE_OF } from '../domain/statuses.ts';
import { appealsRepo, type AppealRow } from '../infra/appeals.repository.ts';
import { localToday, requireTenant, serviceById, workingCalendar } from './context.ts';

/** The signed-in resident's own appeal, locked; another's is «not found». */
async function ownAppeal(ctx: Ctx, id: string): Promise<AppealRow> {
  if (ctx.actor.kind !== 'user') throw unauthorized();
  const appeal = await appealsRepo.getForUpdate(ctx.tx, requireTenant(ctx).municipalityId, id);
  if (!appeal || appeal.applicantUserId !== ctx.actor.userId) throw notFound('Appeal', 'appeal_not_found');
  return appeal;
}

/** Has the resident had an answer (or the outcome of a report) to judge? */
const isAnswered = (a: AppealRow) =>
  a.stage === 'answered' ||
  (a.answerDocumentId !== null && a.closedAt !== null && a.specialHandling === null);

/** The resident rates the answer 1–5 (again, if they change their mind). */
export async function rateAnswer(
  ctx: Ctx,
  id: string,
  input: { rating: number; comment?: string | null },
): Promise<void> {
  const appeal = await ownAppeal(ctx, id);
  if (!isAnswered(appeal)) throw conflict('not_answered', 'There is no answer to rate yet');
  const comment = input.comment?.trim() || null;
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    { rating: input.rating, ratingComment: comment },
    ctx.clock.now(),
  );
  await recordEvent(ctx, id, 'answer_rated', { rating: input.rating, comment });
  await writeAudit(ctx, {
    action: 'appeal.rated',
    entity: 'appeal',
    entityId: id,
    before: { rating: appeal.rating },
    after: { rating: input.rating, comment },
  });
}

/**
 * The resident is not satisfied with the answer («не удовлетворён»): the case reopens to the head
 * (status `reopened`, back in the head's «to decide» box; the documents workflow notifies the head
 * who wrote the last resolution).
 */
export async function rejectAnswer(ctx: Ctx, id: string, input: { comment: string }): Promise<void> {
  const appeal = await ownAppeal(ctx, id);
  if (!isAnswered(appeal)) throw conflict('not_answered', 'There is no answer to reject yet');
  const comment = input.comment.trim();
  await reopenAppeal(ctx, appeal, 'applicant', comment);
  const doc = await documentsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id);
  if (doc && (doc.status === 'done' || doc.status === 'closed')) await reopenDocument(ctx, id, comment);
}

/**
 * Reopens a finished appeal (`reopened`, open again) with a new consideration period counted from
 * today by the package's answer rule, stored with the rule's code and version.
 */
export async function reopenAppeal(
  ctx: Ctx,
  appeal: AppealRow,
  by: 'applicant' | 'staff',
  comment: string,
): Promise<void> {
  if (!canTransition(appeal.status, 'reopened'))
    throw conflict('bad_transition', `An appeal in status ${appeal.status} cannot be reopened`);
  const m = (await serviceById(ctx, appeal.serviceInstanceId)).pkg.manifest;
  const due = computeDeadline(m.deadlines.answer, localToday(ctx), await workingCalendar(ctx));
  const now = ctx.clock.now();
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    appeal.id,
    {
      status: 'reopened',
      stage: STAGE_OF.reopened,
      closedAt: null,
      ...(by === 'applicant' ? { rejectedAt: now, rejectionComment: comment } : {}),
      answerDue: due.due,
      extensions: 0,
      deadlineRule: due.ruleCode,
      deadlineRuleVersion: due.ruleVersion,
    },
    now,
  );
  await documentsRepo.update(ctx.tx, ctx.tenant!.municipalityId, appeal.id, { dueDate: due.due }, now);
  const facts = {
    from: appeal.status,
    to: 'reopened',
    by,
    comment,
    answerDue: due.due,
    rule: due.ruleCode,
    ruleVersion: due.ruleVersion,
  };
  await recordEvent(ctx, appeal.id, by === 'applicant' ? 'answer_rejected' : 'appeal_reopened', facts);
  await writeAudit(ctx, {
    action: by === 'applicant' ? 'appeal.answer_rejected' : 'appeal.reopened',
    entity: 'appeal',
    entityId: appeal.id,
    before: { status: appeal.status },
    after: facts,
  });
}
