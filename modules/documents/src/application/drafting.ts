import { writeAudit } from '@zemstvo/audit';
import { localDate } from '@zemstvo/calendar';
import { badRequest, conflict, forbidden, notFound, type Ctx, type Locale } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { documentsRepo, type DocumentRow } from '../infra/documents.repository.ts';
import { executionRepo } from '../infra/execution.repository.ts';
import { versionsRepo, type VersionRow } from '../infra/versions.repository.ts';
import { documentLabel, holdersOf, staffDirectory, tenantOf, userOf, type WorkflowDeps } from './deps.ts';
import { recordEvent } from './history.ts';
import { createDocument } from './register-document.ts';
import { chooseTemplate, renderAndSaveVersion, type ChosenTemplate } from './render-version.ts';

export interface DraftInput {
  templateCode: string;
  /** The installed service whose templates to use, when the incoming document belongs to none. */
  serviceSlug?: string | undefined;
  locale: Locale;
  /** The answer on the merits, paragraphs on new lines. */
  text: string;
  /** Who will sign (permission document.sign); default: the head who wrote the resolution, if they may sign. */
  signatoryUserId?: string | undefined;
  /** Placeholders the executor fills or corrects (applicant's address, executor's phone…). */
  fields?: Record<string, string> | undefined;
}

export interface SaveVersionInput {
  text: string;
  fields?: Record<string, string> | undefined;
  comment?: string | undefined;
}

/** Statuses of an incoming document whose answer may be drafted. */
const DRAFTABLE_INCOMING = new Set(['in_work', 'done']);
/** Statuses of a draft the executor may still change. */
const EDITABLE = new Set(['draft', 'returned']);
/** Drafts still under way: a second draft of the same kind is refused while one of these exists. */
const UNDER_WAY = new Set(['draft', 'returned', 'in_approval', 'approved', 'signed']);

const kindOf = (purpose: string) =>
  purpose === 'answer' ? 'answer' : purpose.startsWith('notice') ? 'notice' : 'letter';

/** Only the executors of an incoming document (not cancelled) draft and edit its answers. */
export async function requireExecutorOf(ctx: Ctx, incomingId: string): Promise<void> {
  const user = userOf(ctx);
  if (!(await executionRepo.hasAssignment(ctx.tx, tenantOf(ctx).municipalityId, incomingId, user.userId)))
    throw forbidden('Only the executors of the document draft its answer', 'not_an_executor');
}

/** The placeholders a case fills by itself: municipality, incoming requisites, applicant, executor, signatory. */
async function caseFields(
  ctx: Ctx,
  deps: WorkflowDeps,
  incoming: DocumentRow,
  locale: Locale,
  signatoryUserId: string | null,
): Promise<Record<string, string>> {
  const municipality = await tenancyRepo.municipalityBySlug(ctx.tx, tenantOf(ctx).slug);
  const staff = await staffDirectory(ctx);
  const recipient = await deps.hooks.recipientOf(ctx, incoming.id);
  const signatory = signatoryUserId ? staff.get(signatoryUserId) : undefined;
  const fields: Record<string, string> = {
    municipality_name: (locale === 'en' ? municipality?.nameEn : municipality?.nameRu) ?? '',
    incoming_number: incoming.regNumber ?? '',
    // A date field: the renderer prints it the letter's way.
    incoming_date: incoming.regDate ? localDate(incoming.regDate, tenantOf(ctx).timeZone) : '',
    applicant_name: recipient?.name ?? incoming.authorName ?? incoming.authorOrg ?? '',
    applicant_address: recipient?.postalAddress ?? recipient?.email ?? '',
    appeal_summary: incoming.title,
    executor_name: userOf(ctx).displayName,
    signatory_name: signatory?.displayName ?? '',
    signatory_position: signatory?.position?.[locale] ?? '',
  };
  return { ...fields, ...(await deps.hooks.answerFields(ctx, incoming.id)) };
}

async function checkSignatory(ctx: Ctx, deps: WorkflowDeps, userId: string): Promise<void> {
  if (!(await holdersOf(ctx, deps, [userId], 'document.sign')).has(userId))
    throw badRequest(
      'signatory_cannot_sign',
      'The signatory must be a staff member with the permission document.sign',
      { userId },
    );
}

/**
 * The executor drafts the outgoing document that answers an incoming one, from a template of its
 * applied-service package: an outgoing document (status `draft`, parent = the incoming document)
 * and its first version, rendered to DOCX and PDF.
 */
export async function createAnswerDraft(
  ctx: Ctx,
  deps: WorkflowDeps,
  incomingId: string,
  input: DraftInput,
): Promise<{ document: DocumentRow; version: VersionRow }> {
  const m = tenantOf(ctx).municipalityId;
  const user = userOf(ctx);
  const incoming = await documentsRepo.getForUpdate(ctx.tx, m, incomingId);
  if (!incoming) throw notFound('Document');
  if (incoming.direction !== 'incoming')
    throw conflict('not_incoming', 'Answers are drafted to incoming documents');
  await requireExecutorOf(ctx, incoming.id);
  if (!DRAFTABLE_INCOMING.has(incoming.status))
    throw conflict('not_in_work', `A document in status ${incoming.status} takes no new draft`);
  const template = await chooseTemplate(ctx, deps, {
    serviceInstanceId: incoming.serviceInstanceId,
    serviceSlug: input.serviceSlug,
    templateCode: input.templateCode,
  });
  const kind = kindOf(template.purpose);
  const existing = (await documentsRepo.children(ctx.tx, m, incoming.id)).find(
    (d) => d.direction === 'outgoing' && d.kind === kind && UNDER_WAY.has(d.status),
  );
  if (existing)
    throw conflict('draft_exists', 'A draft of this kind is already under way; save a new version of it', {
      documentId: existing.id,
    });

  let signatoryUserId = input.signatoryUserId ?? null;
  if (signatoryUserId) await checkSignatory(ctx, deps, signatoryUserId);
  else {
    const head = (await executionRepo.latestResolution(ctx.tx, m, incoming.id))?.authorUserId;
    if (head && (await holdersOf(ctx, deps, [head], 'document.sign')).has(head)) signatoryUserId = head;
  }
  const fields = {
    ...(await caseFields(ctx, deps, incoming, input.locale, signatoryUserId)),
    ...input.fields,
  };
  const document = await createDocument(ctx, {
    direction: 'outgoing',
    kind,
    status: 'draft',
    title: `${template.title[input.locale]} — ${documentLabel(incoming)}`.slice(0, 500),
    body: input.text,
    authorUserId: user.userId,
    authorName: user.displayName,
    authorOrg: null,
    addressee: fields.applicant_name || null,
    signatoryUserId,
    sourceChannel: 'staff',
    parentId: incoming.id,
    serviceInstanceId: template.instanceId,
    externalRef: null,
    dueDate: incoming.dueDate,
  });
  const version = await saveRendered(
    ctx,
    deps,
    document.id,
    template,
    input.locale,
    fields,
    input.text,
    null,
  );
  await recordEvent(ctx, incoming.id, 'answer_drafted', { draftId: document.id, template: template.code });
  return { document, version };
}

/** Every save of a draft is a new version (text, fields, DOCX, PDF); a returned draft becomes a draft again. */
export async function saveDraftVersion(
  ctx: Ctx,
  deps: WorkflowDeps,
  draftId: string,
  input: SaveVersionInput,
): Promise<VersionRow> {
  const m = tenantOf(ctx).municipalityId;
  const draft = await documentsRepo.getForUpdate(ctx.tx, m, draftId);
  if (!draft || draft.direction !== 'outgoing') throw notFound('Draft');
  if (!draft.parentId) throw conflict('not_a_draft', 'This outgoing document answers no incoming document');
  await requireExecutorOf(ctx, draft.parentId);
  if (!EDITABLE.has(draft.status))
    throw conflict(
      'not_editable',
      `A draft in status ${draft.status} cannot change; it must be returned for rework first`,
    );
  const previous = await versionsRepo.get(ctx.tx, m, draft.id);
  if (!previous?.templateCode) throw conflict('not_a_draft', 'The draft has no template to render');
  const template = await chooseTemplate(ctx, deps, {
    serviceInstanceId: draft.serviceInstanceId,
    templateCode: previous.templateCode,
  });
  const fields = { ...previous.fields, ...input.fields };
  const version = await saveRendered(
    ctx,
    deps,
    draft.id,
    template,
    previous.locale,
    fields,
    input.text,
    input.comment ?? null,
  );
  await documentsRepo.update(ctx.tx, m, draft.id, { body: input.text }, ctx.clock.now());
  if (draft.status === 'returned')
    await documentsRepo.setStatus(ctx.tx, m, draft.id, 'draft', ctx.clock.now());
  return version;
}

async function saveRendered(
  ctx: Ctx,
  deps: WorkflowDeps,
  documentId: string,
  template: ChosenTemplate,
  locale: Locale,
  fields: Record<string, string>,
  body: string,
  comment: string | null,
): Promise<VersionRow> {
  const version = await renderAndSaveVersion(ctx, deps, {
    documentId,
    template,
    locale,
    fields,
    body,
    comment,
    createdBy: userOf(ctx).userId,
  });
  await recordEvent(ctx, documentId, 'version_saved', {
    version: version.version,
    template: template.code,
    comment,
  });
  await writeAudit(ctx, {
    action: 'document.version_saved',
    entity: 'document',
    entityId: documentId,
    after: { version: version.version, template: template.code, pdfSha256: version.pdfSha256 },
  });
  return version;
}
