import { actorLabel, actorUserId, type Ctx } from '@zemstvo/kernel';
import { documentsRepo, type NewDocumentEvent } from '../infra/documents.repository.ts';

/** Appends a step to a document's history, in the caller's transaction. */
export async function recordEvent(
  ctx: Ctx,
  documentId: string,
  type: string,
  data: object = {},
): Promise<void> {
  await documentsRepo.addEvent(ctx.tx, ctx.tenant!.municipalityId, {
    documentId,
    at: ctx.clock.now(),
    ...eventBy(ctx, type, data),
  });
}

/** A history step by the caller of `ctx` (who, as the history shows them). */
export function eventBy(ctx: Ctx, type: string, data: object = {}): NewDocumentEvent {
  return {
    actorUserId: actorUserId(ctx.actor),
    actorLabel: ctx.actor.kind === 'user' ? ctx.actor.displayName : actorLabel(ctx.actor),
    type,
    data,
  };
}
