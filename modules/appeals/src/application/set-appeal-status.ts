import { writeAudit } from '@zemstvo/audit';
import { changeDocumentStatus, recordEvent } from '@zemstvo/documents';
import { badRequest, conflict, type Ctx } from '@zemstvo/kernel';
import {
  canTransition,
  closesCase,
  STAFF_SETTABLE,
  STAGE_OF,
  type AppealStatus,
} from '../domain/statuses.ts';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { loadView, type AppealView } from './appeal-view.ts';
import { lockAppeal, serviceById } from './context.ts';

export interface SetStatusInput {
  status: AppealStatus;
  /** For `duplicate`: the appeal of the same municipality this one repeats. */
  duplicateOf?: string | null;
  comment?: string | null;
}

/**
 * Staff set a public status by hand (FixMyStreet's investigating, planned, unable to fix, not our
 * responsibility, duplicate, …) along the allowed transitions. A status that ends the case closes
 * it (see closesCase: under 59-FZ only the answer, a redirect or a merge does).
 */
export async function setAppealStatus(ctx: Ctx, id: string, input: SetStatusInput): Promise<AppealView> {
  if (!STAFF_SETTABLE.includes(input.status))
    throw badRequest('status_not_settable', `Status ${input.status} is set by its own step, not by hand`, {
      settable: STAFF_SETTABLE,
    });
  const appeal = await lockAppeal(ctx, id);
  if (!canTransition(appeal.status, input.status))
    throw conflict('bad_transition', `An appeal in status ${appeal.status} cannot become ${input.status}`, {
      from: appeal.status,
      to: input.status,
    });
  let duplicateOf: string | null = null;
  if (input.status === 'duplicate') {
    duplicateOf = input.duplicateOf ?? null;
    if (!duplicateOf) throw badRequest('duplicate_of_required', 'Name the appeal this one duplicates');
    if (duplicateOf === id) throw badRequest('duplicate_of_self', 'An appeal cannot duplicate itself');
    if (!(await appealsRepo.get(ctx.tx, ctx.tenant!.municipalityId, duplicateOf)))
      throw badRequest('duplicate_of_not_found', 'No such appeal in this municipality', { duplicateOf });
  }
  const law59 = (await serviceById(ctx, appeal.serviceInstanceId)).pkg.manifest.law59;
  const closes = closesCase(input.status, law59);
  const now = ctx.clock.now();
  await appealsRepo.update(
    ctx.tx,
    ctx.tenant!.municipalityId,
    id,
    {
      status: input.status,
      stage: STAGE_OF[input.status],
      ...(closes ? { closedAt: now } : {}),
      ...(duplicateOf ? { duplicateOf } : {}),
    },
    now,
  );
  const facts = { from: appeal.status, to: input.status, comment: input.comment ?? null, duplicateOf };
  await recordEvent(ctx, id, 'status_changed', facts);
  await writeAudit(ctx, {
    action: 'appeal.status_changed',
    entity: 'appeal',
    entityId: id,
    before: { status: appeal.status },
    after: facts,
  });
  if (closes) await changeDocumentStatus(ctx, id, 'closed', 'closed', { reason: input.status });
  return loadView(ctx, (await appealsRepo.get(ctx.tx, ctx.tenant!.municipalityId, id))!);
}
