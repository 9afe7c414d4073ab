import { mergeAppeal, type MergeAppealInput } from '@zemstvo/appeals';
import { writeAudit } from '@zemstvo/audit';
import type { Ctx } from '@zemstvo/kernel';
import { similarRepo } from '../infra/similar.repository.ts';

/**
 * Staff merge a repeated appeal into the one it repeats (the appeals module closes it as a
 * duplicate, links its files, records both histories and tells its applicant); its signed-in
 * applicant becomes a co-applicant — a supporter — of the original, as if they had pressed
 * «support» instead of filing again.
 */
export async function mergeDuplicate(ctx: Ctx, id: string, input: MergeAppealInput) {
  const outcome = await mergeAppeal(ctx, id, input);
  const userId = outcome.coApplicantUserId;
  const supporterAdded =
    userId !== null &&
    (await similarRepo.addSupporter(ctx.tx, ctx.tenant!.municipalityId, input.into, userId, ctx.clock.now()));
  if (supporterAdded)
    await writeAudit(ctx, {
      action: 'report.supported',
      entity: 'appeal',
      entityId: input.into,
      after: { userId, via: 'merge', duplicate: id },
    });
  return {
    duplicate: outcome.duplicate.id,
    original: outcome.original.id,
    attachmentsLinked: outcome.attachmentsLinked,
    supporterAdded,
  };
}
