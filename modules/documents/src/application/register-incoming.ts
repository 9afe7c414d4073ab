import { computeDeadline, type IsoDate } from '@zemstvo/calendar';
import { badRequest, type Ctx } from '@zemstvo/kernel';
import { interagencyAnswerRule, START_EVENT_JOURNALS } from '../domain/start-events.ts';
import { documentListRepo } from '../infra/document-list.repository.ts';
import type { DocumentRow } from '../infra/documents.repository.ts';
import { tenantOf, today, userOf, type WorkflowDeps } from './deps.ts';
import { recordEvent } from './history.ts';
import { ensureJournal } from './journals.ts';
import { createDocument, registerDocument } from './register-document.ts';

export interface IncomingLetterInput {
  kind: 'order' | 'interagency_request';
  title: string;
  text: string;
  /** The body that sent it. */
  authorOrg: string;
  /** The official who signed it, if given. */
  authorName?: string | undefined;
  /** The sender's own registration number and date. */
  senderNumber: string;
  senderDate: IsoDate;
  dueDate?: IsoDate | undefined;
}

/**
 * A superior's order (поручение) or an inter-agency request entered by staff: created with the
 * sender's requisites and registered at once in its own journal (created on first use). An
 * inter-agency request without a date is due in 5 working days (210-FZ Art. 7.2 p.3).
 */
export async function registerIncomingLetter(
  ctx: Ctx,
  deps: WorkflowDeps,
  input: IncomingLetterInput,
): Promise<DocumentRow> {
  const m = tenantOf(ctx).municipalityId;
  const registrar = userOf(ctx);
  const now = today(ctx);
  if (input.senderDate > now)
    throw badRequest('sender_date_future', 'The sender’s date cannot be in the future');
  if (input.dueDate && input.dueDate < now)
    throw badRequest('due_date_past', 'The due date has already passed');
  let dueDate = input.dueDate ?? null;
  let rule: string | null = null;
  if (!dueDate && input.kind === 'interagency_request') {
    const computed = computeDeadline(interagencyAnswerRule, now, await deps.hooks.workingCalendar(ctx));
    dueDate = computed.due;
    rule = `${computed.ruleCode}@${computed.ruleVersion}`;
  }
  const journal = START_EVENT_JOURNALS[input.kind];
  await ensureJournal(ctx, journal);
  const doc = await createDocument(ctx, {
    direction: 'incoming',
    kind: input.kind,
    status: 'received',
    title: input.title,
    body: input.text,
    authorUserId: registrar.userId,
    authorName: input.authorName ?? null,
    authorOrg: input.authorOrg,
    addressee: null,
    signatoryUserId: null,
    sourceChannel: 'staff',
    parentId: null,
    serviceInstanceId: null,
    externalRef: `${input.senderNumber} от ${input.senderDate}`,
    dueDate,
  });
  await documentListRepo.setSender(ctx.tx, m, doc.id, {
    senderNumber: input.senderNumber,
    senderDate: input.senderDate,
  });
  if (rule)
    await recordEvent(ctx, doc.id, 'deadline_set', { dueDate, rule, source: interagencyAnswerRule.source });
  return registerDocument(ctx, doc.id, journal.code);
}
