import { writeAudit } from '@zemstvo/audit';
import { changeDocumentStatus, documentsRepo, recordEvent } from '@zemstvo/documents';
import { conflict, type Ctx } from '@zemstvo/kernel';
import { canTransition, STAGE_OF } from '../domain/statuses.ts';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { loadView, type AppealView } from './appeal-view.ts';
import { localToday, lockAppeal, serviceById } from './context.ts';
import { notifyApplicant } from './notify-applicant.ts';

export interface RedirectAppealInput {
  /** The competent state body, local government body or official. */
  to: string;
  note?: string | null;
}

/**
 * Redirects an appeal outside the municipality's competence (59-FZ Art. 8 p.3): within 7 days of
 * registration, to the competent body, with a notice to the applicant. A redirect after the
 * deadline is still recorded, marked late in the history.
 */
export async function redirectAppeal(ctx: Ctx, id: string, input: RedirectAppealInput): Promise<AppealView> {
  const appeal = await lockAppeal(ctx, id);
  const svc = await serviceById(ctx, appeal.serviceInstanceId);
  if (!appeal.registeredAt)
    throw conflict('not_registered', 'Register the appeal first (Art. 8 p.3 counts from registration)');
  if (appeal.closedAt) throw conflict('appeal_closed', 'The appeal is closed');
  if (!canTransition(appeal.status, 'redirected'))
    throw conflict('bad_transition', `An appeal in status ${appeal.status} cannot be redirected`);
  const to = input.to.trim();
  const now = ctx.clock.now();
  const source = svc.pkg.manifest.deadlines.redirect?.source ?? '59-ФЗ, ст. 8, ч. 3';
  const late = appeal.redirectDue !== null && localToday(ctx) > appeal.redirectDue;
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    { status: 'redirected', stage: STAGE_OF.redirected, redirectedTo: to, closedAt: now, answerDue: null },
    now,
  );
  const facts = { to, note: input.note ?? null, due: appeal.redirectDue, late, source };
  await recordEvent(ctx, id, 'redirected', facts);
  await writeAudit(ctx, {
    action: 'appeal.redirected',
    entity: 'appeal',
    entityId: id,
    before: { status: appeal.status },
    after: facts,
  });
  await changeDocumentStatus(ctx, id, 'closed', 'closed', { reason: 'redirected' });
  const doc = await documentsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id);
  await notifyApplicant(ctx, appeal, {
    kind: 'redirect',
    purpose: 'notice_redirect',
    detail: to,
    source,
    regNumber: doc?.regNumber ?? null,
    due: appeal.redirectDue,
  });
  return loadView(ctx, (await appealsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id))!);
}
