import { writeAudit } from '@zemstvo/audit';
import { ensureJournal, recordEvent } from '@zemstvo/documents';
import type { InstallHook } from '@zemstvo/catalog';
import type { Ctx } from '@zemstvo/kernel';
import { SPECIAL_HANDLING_RULES } from '../domain/special-handling.ts';
import { canTransition, STAGE_OF, type AppealStatus } from '../domain/statuses.ts';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { reopenAppeal } from './answer-feedback.ts';
import { requireTenant } from './context.ts';

/**
 * What the appeals module does when the document workflow moves an appeal's document. The
 * documents module calls these hooks (registered in the composition root) in its own transaction;
 * for a document that is not an appeal they do nothing.
 */

/** A head wrote a resolution: a registered (or reopened) appeal is now in progress. */
export async function onResolution(ctx: Ctx, documentId: string): Promise<void> {
  const appeal = await appealsRepo.getForUpdate(ctx.tx, requireTenant(ctx).municipalityId, documentId);
  if (!appeal || appeal.closedAt) return;
  if (!(['registered', 'reopened', 'investigating'] as AppealStatus[]).includes(appeal.status)) return;
  await moveStatus(ctx, appeal.id, appeal.status, 'in_progress', 'resolution');
}

/**
 * The answer (or the Art. 11 notice) to an appeal was dispatched: the appeal closes. Its status
 * becomes `answered`, unless staff already set an outcome the answer reports (fixed, unable to fix,
 * not our responsibility); an appeal without an answer on the merits (Art. 11) becomes `closed`.
 * Dispatching the same answer twice changes nothing.
 */
export async function onAnswerDispatched(ctx: Ctx, incomingId: string, answerId: string): Promise<void> {
  const municipalityId = requireTenant(ctx).municipalityId;
  const appeal = await appealsRepo.getForUpdate(ctx.tx, municipalityId, incomingId);
  if (!appeal || appeal.answerDocumentId === answerId) return;
  const outcome: AppealStatus = appeal.specialHandling
    ? SPECIAL_HANDLING_RULES[appeal.specialHandling].status
    : (['fixed', 'unable_to_fix', 'not_responsible'] as AppealStatus[]).includes(appeal.status)
      ? appeal.status
      : 'answered';
  const now = ctx.clock.now();
  await appealsRepo.update(
    ctx.tx,
    municipalityId,
    incomingId,
    {
      status: outcome,
      stage: appeal.specialHandling ? 'no_answer' : STAGE_OF[outcome],
      answerDocumentId: answerId,
      closedAt: now,
    },
    now,
  );
  const facts = { from: appeal.status, to: outcome, answerId, specialHandling: appeal.specialHandling };
  await recordEvent(ctx, incomingId, 'appeal_answered', facts);
  await writeAudit(ctx, {
    action: 'appeal.answered',
    entity: 'appeal',
    entityId: incomingId,
    before: { status: appeal.status },
    after: facts,
  });
}

/** Staff reopened the appeal's document (the documents route): a finished appeal reopens too. */
export async function onReopen(ctx: Ctx, documentId: string, reason: string): Promise<void> {
  const appeal = await appealsRepo.getForUpdate(ctx.tx, requireTenant(ctx).municipalityId, documentId);
  if (!appeal || appeal.status === 'reopened' || !canTransition(appeal.status, 'reopened')) return;
  await reopenAppeal(ctx, appeal, 'staff', reason);
}

async function moveStatus(
  ctx: Ctx,
  id: string,
  from: AppealStatus,
  to: AppealStatus,
  by: string,
): Promise<void> {
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    { status: to, stage: STAGE_OF[to] },
    ctx.clock.now(),
  );
  await recordEvent(ctx, id, 'status_changed', { from, to, by });
  await writeAudit(ctx, {
    action: 'appeal.status_changed',
    entity: 'appeal',
    entityId: id,
    before: { status: from },
    after: { status: to, by },
  });
}

/** Installing a package creates its registration journals: incoming (appeals) and outgoing (answers, notices). */
export const appealsInstallHook: InstallHook = async (ctx, pkg) => {
  const m = pkg.manifest;
  await ensureJournal(ctx, { ...m.journal, direction: 'incoming' });
  await ensureJournal(ctx, { ...m.outgoingJournal, direction: 'outgoing' });
};
