import { writeAudit } from '@zemstvo/audit';
import { conflict, notFound, type Ctx } from '@zemstvo/kernel';
import { documentsRepo, type DocumentRow } from '../infra/documents.repository.ts';
import { executionRepo } from '../infra/execution.repository.ts';
import { documentLabel, installation, tenantOf } from './deps.ts';
import { recordEvent } from './history.ts';
import { notify } from './notify.ts';

/**
 * Reopens an executed or closed incoming document (e.g. the resident rejected the answer, «не
 * удовлетворён»): back to `registered`, to the head who wrote its last resolution, who decides
 * again (a new resolution, a new answer). The caller's own follow-up is its business: this use
 * case does not call the `onReopen` hook (the documents route that reopens does).
 */
export async function reopenDocument(ctx: Ctx, documentId: string, reason: string): Promise<DocumentRow> {
  const m = tenantOf(ctx).municipalityId;
  const doc = await documentsRepo.getForUpdate(ctx.tx, m, documentId);
  if (!doc) throw notFound('Document');
  if (doc.direction !== 'incoming') throw conflict('not_incoming', 'Only incoming documents are reopened');
  if (doc.status !== 'done' && doc.status !== 'closed')
    throw conflict('not_closed', `The document is still ${doc.status}`);
  const now = ctx.clock.now();
  await documentsRepo.setStatus(ctx.tx, m, doc.id, 'registered', now);
  await recordEvent(ctx, doc.id, 'reopened', { from: doc.status, reason });
  await writeAudit(ctx, {
    action: 'document.reopened',
    entity: 'document',
    entityId: doc.id,
    before: { status: doc.status },
    after: { status: 'registered', reason },
  });
  const head = (await executionRepo.latestResolution(ctx.tx, m, doc.id))?.authorUserId;
  if (head)
    await notify(ctx, installation, {
      userId: head,
      kind: 'reopened',
      documentId: doc.id,
      subject: { document: documentLabel(doc), comment: reason },
    });
  return (await documentsRepo.get(ctx.tx, m, doc.id))!;
}
