import { writeAudit } from '@zemstvo/audit';
import { localDate } from '@zemstvo/calendar';
import { conflict, municipalTimeZone, notFound, type Ctx } from '@zemstvo/kernel';
import { formatRegNumber } from '../domain/numbering.ts';
import type { DocumentStatus } from '../domain/kinds.ts';
import {
  documentsRepo,
  journalsRepo,
  type DocumentRow,
  type NewDocument,
} from '../infra/documents.repository.ts';
import { eventBy, recordEvent } from './history.ts';

/** Creates a document (incoming, outgoing or internal) with its first history step. */
export async function createDocument(ctx: Ctx, doc: NewDocument, event = 'created'): Promise<DocumentRow> {
  const created = await documentsRepo.insert(
    ctx.tx,
    ctx.tenant!.municipalityId,
    doc,
    ctx.clock.now(),
    eventBy(ctx, event, { kind: doc.kind, status: doc.status, channel: doc.sourceChannel }),
  );
  await writeAudit(ctx, {
    action: 'document.created',
    entity: 'document',
    entityId: created.id,
    after: { kind: created.kind, direction: created.direction, status: created.status, title: created.title },
  });
  return created;
}

/**
 * Registers a document in a journal: the next number of the journal's year (counted in the
 * municipality's time zone), the registration date, the new status, a history step.
 */
export async function registerDocument(
  ctx: Ctx,
  documentId: string,
  journalCode: string,
  nextStatus: DocumentStatus = 'registered',
): Promise<DocumentRow> {
  const municipalityId = ctx.tenant!.municipalityId;
  const doc = await documentsRepo.getForUpdate(ctx.tx, municipalityId, documentId);
  if (!doc) throw notFound('Document');
  if (doc.regNumber)
    throw conflict('already_registered', `The document is already registered as ${doc.regNumber}`);
  const journal = await journalsRepo.byCode(ctx.tx, municipalityId, journalCode);
  if (!journal) throw notFound(`Journal ${journalCode}`, 'journal_not_found');
  const now = ctx.clock.now();
  // The registration date is the body's local day (59-FZ Art. 8 Part 3: terms run from the date of
  // registration where the body is), so the journal's year is that day's year too.
  const year = Number(localDate(now, municipalTimeZone(ctx)).slice(0, 4));
  const seq = await journalsRepo.nextValue(
    ctx.tx,
    municipalityId,
    journal.id,
    journal.resetYearly ? year : 0,
  );
  const regNumber = formatRegNumber(journal.numberFormat, year, seq);
  await documentsRepo.setRegistration(ctx.tx, municipalityId, documentId, {
    journalId: journal.id,
    regNumber,
    regDate: now,
    status: nextStatus,
  });
  await recordEvent(ctx, documentId, 'registered', { regNumber, journal: journal.code });
  await writeAudit(ctx, {
    action: 'document.registered',
    entity: 'document',
    entityId: documentId,
    before: { status: doc.status },
    after: { status: nextStatus, regNumber },
  });
  return (await documentsRepo.get(ctx.tx, municipalityId, documentId))!;
}

/** Moves a document to another status with a history step and an audit record. */
export async function changeDocumentStatus(
  ctx: Ctx,
  documentId: string,
  status: DocumentStatus,
  event: string,
  data: object = {},
): Promise<void> {
  const municipalityId = ctx.tenant!.municipalityId;
  const doc = await documentsRepo.getForUpdate(ctx.tx, municipalityId, documentId);
  if (!doc) throw notFound('Document');
  await documentsRepo.setStatus(ctx.tx, municipalityId, documentId, status, ctx.clock.now());
  await recordEvent(ctx, documentId, event, { from: doc.status, to: status, ...data });
  await writeAudit(ctx, {
    action: `document.${event}`,
    entity: 'document',
    entityId: documentId,
    before: { status: doc.status },
    after: { status, ...data },
  });
}
