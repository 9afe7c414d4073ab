import { reclassifyAppeal } from '@zemstvo/appeals';
import { writeAudit } from '@zemstvo/audit';
import type { ServiceRegistry } from '@zemstvo/catalog';
import { actorUserId, badRequest, type Ctx } from '@zemstvo/kernel';
import type { HeadName } from '../engine/routing-model.ts';
import { examplesRepo } from '../infra/examples.repository.ts';
import { feedbackRepo } from '../infra/feedback.repository.ts';
import { appealForRouting, getRouting, suggestionsFor, type RoutingView } from './suggestions.ts';

export interface FeedbackInput {
  head: HeadName;
  value: string;
  /** True: the value is one of the suggestions, taken as is; false: staff chose another one. */
  accepted: boolean;
}

/**
 * Staff accept a suggestion or correct it. The answer is recorded with the suggestions shown
 * (the next training takes it as the appeal's label) and applied: a category or theme changes
 * the appeal's classification; an executor is remembered to prefill the resolution form (the head
 * still writes the resolution).
 */
export async function recordFeedback(
  ctx: Ctx,
  registry: ServiceRegistry,
  id: string,
  input: FeedbackInput,
): Promise<RoutingView> {
  const m = ctx.tenant!.municipalityId;
  const { appeal, classifier } = await appealForRouting(ctx, registry, id);
  const { modelId, suggestions } = await suggestionsFor(ctx, appeal, classifier);
  const shown = suggestions[input.head];
  if (input.accepted && !shown.some((s) => s.value === input.value))
    throw badRequest('not_suggested', `${input.value} is not among the suggestions for ${input.head}`, {
      head: input.head,
      suggested: shown.map((s) => s.value),
    });

  if (input.head === 'category') await reclassifyAppeal(ctx, id, { category: input.value });
  else if (input.head === 'reason') await reclassifyAppeal(ctx, id, { theme: input.value });
  else if (!input.accepted && !(await examplesRepo.memberNames(ctx.tx, m, [input.value])).has(input.value))
    throw badRequest('unknown_executor', 'The executor must be a staff member of this municipality', {
      executor: input.value,
    });

  const row = await feedbackRepo.insert(ctx.tx, m, id, {
    head: input.head,
    modelId,
    suggested: shown.map((s) => ({ label: s.value, confidence: s.confidence })),
    chosen: input.value,
    accepted: input.accepted,
    userId: actorUserId(ctx.actor),
    createdAt: ctx.clock.now(),
  });
  await writeAudit(ctx, {
    action: input.accepted ? 'routing.suggestion_accepted' : 'routing.suggestion_corrected',
    entity: 'appeal',
    entityId: id,
    before: { [input.head]: appeal[input.head] },
    after: { [input.head]: input.value, feedbackId: row.id, modelId, suggested: row.suggested },
  });
  return getRouting(ctx, registry, id);
}
