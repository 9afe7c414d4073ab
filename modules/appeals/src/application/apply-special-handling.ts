import { writeAudit } from '@zemstvo/audit';
import { computeDeadline, fz59 } from '@zemstvo/calendar';
import { changeDocumentStatus, documentsRepo, recordEvent } from '@zemstvo/documents';
import { badRequest, conflict, type Ctx } from '@zemstvo/kernel';
import {
  SPECIAL_HANDLING_RULES,
  lacksNameOrAddress,
  type SpecialHandling,
} from '../domain/special-handling.ts';
import { canTransition } from '../domain/statuses.ts';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { loadView, type AppealView } from './appeal-view.ts';
import { localDay, lockAppeal, serviceById, workingCalendar } from './context.ts';
import { notifyApplicant } from './notify-applicant.ts';

export interface SpecialHandlingInput {
  code: SpecialHandling;
  note?: string | null;
  /** For `crime_forwarded`: the law-enforcement body the appeal is sent to. */
  forwardedTo?: string | null;
}

/**
 * Applies a ground of 59-FZ Art. 11 to a registered appeal of a 59-FZ package: no answer on the
 * merits. `anonymous` (p.1) closes at once; `crime_forwarded` (p.1) sends it to law enforcement and
 * closes; the others wait for their notice — within 7 days of registration for `court_decision`
 * (p.2), `unreadable` (p.4) and `essence_unclear` (p.4.1); with the decision, by the answer
 * deadline, for `abusive` (p.3) and `repeated_no_new_arguments` (p.5) — and close when the notice
 * is dispatched (see onAnswerDispatched).
 */
export async function applySpecialHandling(
  ctx: Ctx,
  id: string,
  input: SpecialHandlingInput,
): Promise<AppealView> {
  const appeal = await lockAppeal(ctx, id);
  const svc = await serviceById(ctx, appeal.serviceInstanceId);
  const m = svc.pkg.manifest;
  const rule = SPECIAL_HANDLING_RULES[input.code];
  if (!m.law59) throw badRequest('not_law59', 'Art. 11 of 59-FZ applies to appeals of a 59-FZ package only');
  if (!appeal.registeredAt)
    throw conflict('not_registered', 'Register the appeal first (the notice periods run from registration)');
  if (appeal.closedAt) throw conflict('appeal_closed', 'The appeal is closed');
  if (appeal.specialHandling)
    throw conflict('already_handled', `Art. 11 handling ${appeal.specialHandling} was already applied`);
  if ((input.code === 'anonymous' || input.code === 'crime_forwarded') && !lacksNameOrAddress(appeal))
    throw badRequest(
      'applicant_identified',
      'The appeal gives the surname and a reply address: Art. 11 p.1 does not apply',
    );
  const forwardedTo = input.forwardedTo?.trim() || null;
  if (input.code === 'crime_forwarded' && !forwardedTo)
    throw badRequest('forwarded_to_required', 'Name the law-enforcement body the report is forwarded to');
  if (rule.closesAtOnce && !canTransition(appeal.status, rule.status))
    throw conflict('bad_transition', `An appeal in status ${appeal.status} cannot become ${rule.status}`);

  const regDay = localDay(ctx, appeal.registeredAt);
  const noticeDue =
    rule.notice === 'within_7_days'
      ? computeDeadline(
          m.deadlines.unreadableNotice ?? fz59.unreadableNotice,
          regDay,
          await workingCalendar(ctx),
        ).due
      : rule.notice === 'with_decision'
        ? appeal.answerDue
        : null;
  const now = ctx.clock.now();
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    {
      specialHandling: input.code,
      specialHandlingNote: input.note?.trim() || null,
      crimeForwardedTo: input.code === 'crime_forwarded' ? forwardedTo : null,
      redirectedTo: input.code === 'crime_forwarded' ? forwardedTo : undefined,
      noticeDue,
      // No answer on the merits is given: the notice (if any) is what is due now.
      answerDue: rule.notice === 'with_decision' ? appeal.answerDue : null,
      stage: rule.closesAtOnce && rule.status === 'redirected' ? 'redirected' : 'no_answer',
      ...(rule.closesAtOnce ? { status: rule.status, closedAt: now } : {}),
    },
    now,
  );
  const facts = { code: input.code, source: rule.source, note: input.note ?? null, forwardedTo, noticeDue };
  await recordEvent(ctx, id, 'special_handling', facts);
  await writeAudit(ctx, {
    action: 'appeal.special_handling',
    entity: 'appeal',
    entityId: id,
    before: { status: appeal.status, stage: appeal.stage, answerDue: appeal.answerDue },
    after: facts,
  });
  if (rule.closesAtOnce)
    await changeDocumentStatus(ctx, id, 'closed', 'closed', { reason: input.code, source: rule.source });
  else await documentsRepo.update(ctx.tx, ctx.tenant!.municipalityId, id, { dueDate: noticeDue }, now);
  if (rule.noticePurpose) {
    const doc = await documentsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id);
    await notifyApplicant(ctx, appeal, {
      kind: 'special_handling',
      purpose: rule.noticePurpose,
      detail: rule.title.ru,
      source: rule.source,
      regNumber: doc?.regNumber ?? null,
      due: noticeDue,
    });
  }
  return loadView(ctx, (await appealsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id))!);
}
