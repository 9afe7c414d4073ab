import { writeAudit } from '@zemstvo/audit';
import { DeadlineExtensionError, extendDeadline } from '@zemstvo/calendar';
import { documentsRepo, recordEvent } from '@zemstvo/documents';
import { AppError, conflict, type Ctx } from '@zemstvo/kernel';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { loadView, type AppealView } from './appeal-view.ts';
import { lockAppeal, serviceById, workingCalendar } from './context.ts';
import { notifyApplicant } from './notify-applicant.ts';

export interface ExtendDeadlineInput {
  days: number;
  reason: string;
}

/**
 * Extends the answer deadline (59-FZ Art. 12 p.2): in exceptional cases, by the head, once, by no
 * more than 30 days, notifying the applicant. The package's rule sets the limits (the 59-FZ
 * package: 30 days, once); the new date is computed over the working calendar.
 */
export async function extendAnswerDeadline(
  ctx: Ctx,
  id: string,
  input: ExtendDeadlineInput,
): Promise<AppealView> {
  const appeal = await lockAppeal(ctx, id);
  const m = (await serviceById(ctx, appeal.serviceInstanceId)).pkg.manifest;
  if (!appeal.registeredAt || !appeal.answerDue)
    throw conflict('no_answer_deadline', 'The appeal has no answer deadline to extend');
  if (appeal.closedAt) throw conflict('appeal_closed', 'The appeal is closed');
  let extended;
  try {
    extended = extendDeadline(
      m.deadlines.answer,
      { due: appeal.answerDue, extensions: appeal.extensions },
      input.days,
      await workingCalendar(ctx),
      m.deadlines.extension.maxDays,
      m.deadlines.extension.maxTimes,
    );
  } catch (e) {
    if (e instanceof DeadlineExtensionError)
      throw new AppError(e.code, e.message, e.code === 'already_extended' ? 409 : 400, {
        maxDays: m.deadlines.extension.maxDays,
        maxTimes: m.deadlines.extension.maxTimes,
      });
    throw e;
  }
  const now = ctx.clock.now();
  const reason = input.reason.trim();
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    { answerDue: extended.due, extensions: appeal.extensions + 1, extensionReason: reason },
    now,
  );
  await documentsRepo.update(ctx.tx, ctx.tenant!.municipalityId, id, { dueDate: extended.due }, now);
  const source = m.law59 ? '59-ФЗ, ст. 12, ч. 2' : m.deadlines.answer.source;
  const facts = {
    from: appeal.answerDue,
    to: extended.due,
    days: input.days,
    reason,
    source,
    rule: extended.ruleCode,
  };
  await recordEvent(ctx, id, 'deadline_extended', facts);
  await writeAudit(ctx, {
    action: 'appeal.deadline_extended',
    entity: 'appeal',
    entityId: id,
    before: { answerDue: appeal.answerDue, extensions: appeal.extensions },
    after: facts,
  });
  const doc = await documentsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id);
  await notifyApplicant(ctx, appeal, {
    kind: 'extension',
    purpose: 'notice_extension',
    detail: extended.due,
    source,
    regNumber: doc?.regNumber ?? null,
    due: null,
  });
  return loadView(ctx, (await appealsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id))!);
}
