import { writeAudit } from '@zemstvo/audit';
import { enqueueMail } from '@zemstvo/identity';
import { badRequest, conflict, newSecret, notFound, type Ctx } from '@zemstvo/kernel';
import type { Recipient } from '../domain/hooks.ts';
import { GENERAL_OUTGOING_JOURNAL } from '../domain/start-events.ts';
import { documentsRepo, type DocumentRow } from '../infra/documents.repository.ts';
import { executionRepo } from '../infra/execution.repository.ts';
import { signaturesRepo, type DispatchRow } from '../infra/signatures.repository.ts';
import { versionsRepo } from '../infra/versions.repository.ts';
import { packageOf, tenantOf, userOf, type WorkflowDeps } from './deps.ts';
import { recordEvent } from './history.ts';
import { ensureJournal } from './journals.ts';
import { registerDocument } from './register-document.ts';

export type DispatchChannel = DispatchRow['channel'];

export interface DispatchOutcome {
  document: DocumentRow;
  dispatches: DispatchRow[];
}

/** The public link of an e-mail dispatch: the signed PDF without an account. */
export const answerDownloadUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/api/answers/${token}`;

function answerMail(d: DocumentRow, recipient: Recipient, link: string) {
  const number = d.regNumber ?? '';
  if (recipient.locale === 'en')
    return {
      subject: `Answer ${number}`,
      text: `Hello${recipient.name ? `, ${recipient.name}` : ''}!\n\nThe answer ${number} to your appeal is signed. Download it (PDF): ${link}\n\nAnyone holding the file can check its signature on the verification page.\n`,
    };
  return {
    subject: `Ответ ${number}`,
    text: `Здравствуйте${recipient.name ? `, ${recipient.name}` : ''}!\n\nОтвет ${number} на ваше обращение подписан. Скачать его (PDF): ${link}\n\nПодлинность подписи файла может проверить любой, у кого он есть, на странице проверки.\n`,
  };
}

/**
 * Template purposes whose dispatch ends the case: the answer on the merits, and the notices that
 * end it without one (59-FZ Art. 8 p.3 forwarding, Art. 11 no answer, unreadable, abusive). A notice
 * of extension (Art. 12 p.2) does not.
 */
const CLOSING_PURPOSES = new Set([
  'answer',
  'notice_redirect',
  'notice_no_answer',
  'notice_unreadable',
  'notice_abuse',
]);

/** Channels by what is known of the addressee: the cabinet of a resident, e-mail, and post otherwise. */
function defaultChannels(r: Recipient): DispatchChannel[] {
  const out: DispatchChannel[] = [];
  if (r.userId) out.push('cabinet');
  if (r.email) out.push('email');
  if (r.postalAddress || !out.length) out.push('post');
  return out;
}

/**
 * Dispatch of a signed outgoing document: registration in the outgoing journal of its package
 * (`ИСХ-ОГ-…`; a general `outgoing` journal otherwise), delivery to the resident's cabinet, an
 * e-mail with a download link, a printable copy for post. An answer (or a notice that ends the
 * case, see CLOSING_PURPOSES) closes the incoming document and its open assignments, and the hook
 * `onAnswerDispatched` lets the module of the case follow; other notices are only sent.
 */
export async function dispatchDocument(
  ctx: Ctx,
  deps: WorkflowDeps,
  documentId: string,
  input: { channels?: readonly DispatchChannel[] | undefined },
): Promise<DispatchOutcome> {
  const m = tenantOf(ctx).municipalityId;
  const user = userOf(ctx);
  const doc = await documentsRepo.getForUpdate(ctx.tx, m, documentId);
  if (!doc || doc.direction !== 'outgoing') throw notFound('Document');
  if (doc.status === 'dispatched')
    throw conflict('already_dispatched', `The document was dispatched as ${doc.regNumber}`);
  if (doc.status !== 'signed')
    throw conflict('not_signed', `Only a signed document is dispatched; this one is ${doc.status}`);
  const incoming = doc.parentId ? await documentsRepo.getForUpdate(ctx.tx, m, doc.parentId) : undefined;
  const recipient: Recipient = (incoming && (await deps.hooks.recipientOf(ctx, incoming.id))) ?? {
    name: doc.addressee,
    email: null,
    postalAddress: null,
    userId: null,
  };
  const channels = [...new Set(input.channels?.length ? input.channels : defaultChannels(recipient))];
  if (channels.includes('email') && !recipient.email)
    throw badRequest('no_email_address', 'The addressee gave no e-mail address');
  if (channels.includes('cabinet') && !recipient.userId)
    throw badRequest('no_cabinet', 'The addressee has no account: choose e-mail or post');
  const [signature] = (await signaturesRepo.ofDocument(ctx.tx, m, doc.id)).slice(-1);
  if (!signature) throw conflict('not_signed', 'The document has no signature');

  const pkg = await packageOf(ctx, deps, doc.serviceInstanceId ?? incoming?.serviceInstanceId ?? null);
  const templateCode = (await versionsRepo.get(ctx.tx, m, doc.id))?.templateCode;
  const purpose =
    pkg?.manifest.templates.find((t) => t.code === templateCode)?.purpose ??
    (doc.kind === 'answer' ? 'answer' : 'other');
  const closesCase = CLOSING_PURPOSES.has(purpose);
  const journal = pkg
    ? { ...pkg.manifest.outgoingJournal, direction: 'outgoing' as const }
    : GENERAL_OUTGOING_JOURNAL;
  await ensureJournal(ctx, journal);
  const registered = await registerDocument(ctx, doc.id, journal.code, 'dispatched');

  const now = ctx.clock.now();
  const dispatches: DispatchRow[] = [];
  for (const channel of channels) {
    let mailId: string | null = null;
    let downloadToken: string | null = null;
    let address: string | null = null;
    if (channel === 'email') {
      downloadToken = newSecret(32);
      address = recipient.email;
      mailId = await enqueueMail(ctx, {
        to: recipient.email!,
        ...answerMail(registered, recipient, answerDownloadUrl(deps.publicUrl, downloadToken)),
      });
    } else if (channel === 'cabinet') address = recipient.userId;
    else address = recipient.postalAddress;
    const status = channel === 'cabinet' ? 'sent' : 'queued';
    dispatches.push(
      await signaturesRepo.insertDispatch(ctx.tx, m, {
        documentId: doc.id,
        channel,
        address,
        status,
        at: now,
        createdBy: user.userId,
        mailId,
        downloadToken,
      }),
    );
  }
  const facts = { regNumber: registered.regNumber, channels, sha256: signature.fileSha256 };
  await recordEvent(ctx, doc.id, 'dispatched', facts);
  await writeAudit(ctx, {
    action: 'document.dispatched',
    entity: 'document',
    entityId: doc.id,
    before: { status: 'signed' },
    after: { status: 'dispatched', ...facts, dispatchIds: dispatches.map((d) => d.id) },
  });

  if (incoming) {
    await recordEvent(ctx, incoming.id, 'answer_dispatched', {
      answerId: doc.id,
      kind: doc.kind,
      purpose,
      ...facts,
    });
    if (closesCase && incoming.status !== 'closed') {
      const report = `Ответ ${registered.regNumber} направлен заявителю`;
      await executionRepo.completeOpenOfDocument(ctx.tx, m, incoming.id, report, now);
      const active = await executionRepo.activeResolutionForUpdate(ctx.tx, m, incoming.id);
      if (active) await executionRepo.setResolutionStatus(ctx.tx, m, active.id, 'done');
      await documentsRepo.setStatus(ctx.tx, m, incoming.id, 'closed', now);
      await recordEvent(ctx, incoming.id, 'closed', { answerId: doc.id, regNumber: registered.regNumber });
      await writeAudit(ctx, {
        action: 'document.closed',
        entity: 'document',
        entityId: incoming.id,
        before: { status: incoming.status },
        after: { status: 'closed', answerId: doc.id },
      });
    }
    if (closesCase) await deps.hooks.onAnswerDispatched(ctx, incoming.id, doc.id);
  }
  return { document: registered, dispatches };
}
