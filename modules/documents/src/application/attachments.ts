import { writeAudit } from '@zemstvo/audit';
import { AppError, actorUserId, conflict, notFound, type Ctx } from '@zemstvo/kernel';
import {
  extractText,
  newStorageKey,
  validateUpload,
  type FileStorage,
  type UploadInput,
  type ValidatedUpload,
  type ValidateOptions,
} from '@zemstvo/storage';
import { attachmentsRepo, type AttachmentRow } from '../infra/attachments.repository.ts';
import { documentsRepo, type DocumentRow } from '../infra/documents.repository.ts';
import { recordEvent } from './history.ts';

/** Signed and dispatched documents are final: what was signed and sent cannot gain files. */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['signed', 'dispatched']);

/** Extracted text kept for search is capped (a text file of 20 MB is searchable by its start). */
const MAX_EXTRACTED_CHARS = 1_000_000;

/** The document, if files may still be attached to it: else `not_found` (404) or `document_final` (409). */
export async function documentForAttachments(ctx: Ctx, documentId: string): Promise<DocumentRow> {
  const doc = await documentsRepo.get(ctx.tx, ctx.tenant!.municipalityId, documentId);
  if (!doc) throw notFound('Document');
  if (FINAL_STATUSES.has(doc.status))
    throw conflict('document_final', `The document is ${doc.status}; nothing can be attached to it any more`);
  return doc;
}

/** Plain text of a document file for search (DOCX, ODT, text); null for photos, audio, PDF. */
export function searchableText(file: Pick<ValidatedUpload, 'bytes' | 'mediaType'>): string | null {
  return extractText(file.bytes, file.mediaType)?.slice(0, MAX_EXTRACTED_CHARS) ?? null;
}

async function recordAttachment(ctx: Ctx, a: AttachmentRow): Promise<void> {
  await recordEvent(ctx, a.documentId, 'attachment_added', {
    attachmentId: a.id,
    kind: a.kind,
    fileName: a.fileName,
    ...(a.url ? { url: a.url } : {}),
  });
  await writeAudit(ctx, {
    action: 'attachment.added',
    entity: 'attachment',
    entityId: a.id,
    after: {
      documentId: a.documentId,
      kind: a.kind,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      url: a.url,
    },
  });
}

/**
 * Attaches files that passed `validateUpload` to a document: bytes to the storage under a fresh
 * key (never derived from the name), a row with the real type and hash, a history step and an
 * audit record each. All files or none: call it inside the request's one transaction.
 */
export async function addValidatedAttachments(
  ctx: Ctx,
  storage: FileStorage,
  documentId: string,
  files: readonly ValidatedUpload[],
): Promise<AttachmentRow[]> {
  await documentForAttachments(ctx, documentId);
  const municipalityId = ctx.tenant!.municipalityId;
  const texts = files.map(searchableText);
  const out: AttachmentRow[] = [];
  for (const [i, f] of files.entries()) {
    const key = newStorageKey(municipalityId, ctx.clock.now());
    await storage.put(key, f.bytes);
    try {
      const row = await attachmentsRepo.insert(
        ctx.tx,
        municipalityId,
        {
          documentId,
          kind: f.kind,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          storageKey: key,
          url: null,
          extractedText: texts[i] ?? null,
          createdBy: actorUserId(ctx.actor),
        },
        ctx.clock.now(),
      );
      await recordAttachment(ctx, row);
      out.push(row);
    } catch (e) {
      await storage.delete(key).catch(() => undefined);
      throw e;
    }
  }
  return out;
}

/**
 * Attaches one uploaded file to a document, checked by content first (see `validateUpload`): for
 * the appeals intake (a resident's photos), Open311 media, or any module that receives files.
 */
export async function addAttachment(
  ctx: Ctx,
  storage: FileStorage,
  documentId: string,
  file: UploadInput,
  opts: ValidateOptions = {},
): Promise<AttachmentRow> {
  const [row] = await addValidatedAttachments(ctx, storage, documentId, [await validateUpload(file, opts)]);
  return row!;
}

/** A web link attached to a document (kind `link`); only http and https addresses. */
export async function addLink(
  ctx: Ctx,
  documentId: string,
  link: { url: string; title?: string | null },
): Promise<AttachmentRow> {
  await documentForAttachments(ctx, documentId);
  const url = checkLinkUrl(link.url);
  const row = await attachmentsRepo.insert(
    ctx.tx,
    ctx.tenant!.municipalityId,
    {
      documentId,
      kind: 'link',
      fileName: link.title?.trim() || new URL(url).hostname,
      mediaType: 'text/uri-list',
      sizeBytes: 0,
      sha256: null,
      storageKey: null,
      url,
      extractedText: null,
      createdBy: actorUserId(ctx.actor),
    },
    ctx.clock.now(),
  );
  await recordAttachment(ctx, row);
  return row;
}

/** An absolute http(s) URL without credentials, normalized; else `bad_link` (400). */
export function checkLinkUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new AppError('bad_link', 'The link is not a valid address', 400);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AppError('bad_link', 'Only http and https links can be attached', 400, {
      protocol: u.protocol,
    });
  if (u.username || u.password)
    throw new AppError('bad_link', 'A link must not carry a user name or password', 400);
  if (u.href.length > 2000) throw new AppError('bad_link', 'The link is too long', 400);
  return u.href;
}

export async function listAttachments(ctx: Ctx, documentId: string): Promise<AttachmentRow[]> {
  const municipalityId = ctx.tenant!.municipalityId;
  if (!(await documentsRepo.get(ctx.tx, municipalityId, documentId))) throw notFound('Document');
  return attachmentsRepo.listForDocument(ctx.tx, municipalityId, documentId);
}

/**
 * An attachment of a document with its bytes, for a download. The caller has decided the actor may
 * see the document (staff with `document.view`, or the resident whose appeal it is).
 */
export async function getAttachmentFile(
  ctx: Ctx,
  storage: FileStorage,
  documentId: string,
  attachmentId: string,
): Promise<{ attachment: AttachmentRow; bytes: Uint8Array }> {
  const attachment = await attachmentsRepo.get(ctx.tx, ctx.tenant!.municipalityId, documentId, attachmentId);
  if (!attachment) throw notFound('Attachment', 'attachment_not_found');
  if (!attachment.storageKey)
    throw new AppError('attachment_is_link', 'This attachment is a link, not a file', 409, {
      url: attachment.url,
    });
  const bytes = await storage.get(attachment.storageKey);
  if (!bytes)
    throw new AppError('file_missing', 'The file of this attachment is missing from the storage', 410);
  return { attachment, bytes };
}
