import { writeAudit } from '@zemstvo/audit';
import { actorUserId, AppError, notFound, type Ctx } from '@zemstvo/kernel';
import {
  newStorageKey,
  validateUpload,
  type FileStorage,
  type UploadInput,
  type ValidateOptions,
} from '@zemstvo/storage';
import { attachmentsRepo, type AttachmentRow } from '../infra/attachments.repository.ts';
import { documentsRepo } from '../infra/documents.repository.ts';
import { recordEvent } from './history.ts';
import { searchableText } from './attachments.ts';

/** A file uploaded ahead of its document: what the intake form keeps (its id) and shows. */
export interface StagedUpload {
  id: string;
  kind: 'photo' | 'audio' | 'file' | 'text';
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** How long an unclaimed upload waits before it is removed. */
export const STAGED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps a file for a document that does not exist yet (a resident's photo while the intake form is
 * being filled in): checked by content like any attachment, stored, and claimable by its id with
 * `claimUploads` for a day. Old unclaimed uploads of the municipality are cleared on the way (their
 * rows; the orphan sweep removes their files).
 */
export async function stageUpload(
  ctx: Ctx,
  storage: FileStorage,
  file: UploadInput,
  opts: ValidateOptions = {},
): Promise<StagedUpload> {
  const v = await validateUpload(file, opts);
  const municipalityId = ctx.tenant!.municipalityId;
  const now = ctx.clock.now();
  const key = newStorageKey(municipalityId, now);
  await storage.put(key, v.bytes);
  // The expired rows go now; their files stay until the orphan sweep (`files.sweep`, daily, files
  // unreferenced for 24 h) removes them. Deleting them here, before this transaction commits,
  // would leave the rows naming deleted files if it rolled back.
  await attachmentsRepo.purgeStaged(
    ctx.tx,
    municipalityId,
    new Date(now.getTime() - STAGED_UPLOAD_TTL_MS),
    20,
  );
  const row = await attachmentsRepo.stage(
    ctx.tx,
    municipalityId,
    {
      kind: v.kind,
      fileName: v.fileName,
      mediaType: v.mediaType,
      sizeBytes: v.sizeBytes,
      sha256: v.sha256,
      storageKey: key,
      extractedText: searchableText(v),
      uploadedBy: actorUserId(ctx.actor),
    },
    now,
  );
  await writeAudit(ctx, {
    action: 'attachment.uploaded',
    entity: 'attachment_upload',
    entityId: row.id,
    after: {
      kind: row.kind,
      fileName: row.fileName,
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
    },
  });
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt,
  };
}

/**
 * Attaches staged uploads to a document, keeping their ids: each becomes an attachment with a
 * history step and an audit record. Every id must be a waiting upload of this municipality that
 * the actor may claim (their own, or an anonymous one); otherwise `upload_not_found` (400) and,
 * in the caller's transaction, nothing is attached.
 */
export async function claimUploads(
  ctx: Ctx,
  documentId: string,
  ids: readonly string[],
): Promise<AttachmentRow[]> {
  const municipalityId = ctx.tenant!.municipalityId;
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  if (!(await documentsRepo.get(ctx.tx, municipalityId, documentId))) throw notFound('Document');
  const taken = await attachmentsRepo.takeStaged(ctx.tx, municipalityId, wanted, actorUserId(ctx.actor));
  const missing = wanted.filter((id) => !taken.some((t) => t.id === id));
  if (missing.length)
    throw new AppError(
      'upload_not_found',
      'Some uploaded files were not found (expired, used, or not yours); upload them again',
      400,
      {
        ids: missing,
      },
    );
  const out: AttachmentRow[] = [];
  for (const u of taken) {
    const row = await attachmentsRepo.insert(
      ctx.tx,
      municipalityId,
      {
        id: u.id,
        documentId,
        kind: u.kind,
        fileName: u.fileName,
        mediaType: u.mediaType,
        sizeBytes: u.sizeBytes,
        sha256: u.sha256,
        storageKey: u.storageKey,
        url: null,
        extractedText: u.extractedText,
        createdBy: u.uploadedBy,
      },
      ctx.clock.now(),
    );
    await recordEvent(ctx, documentId, 'attachment_added', {
      attachmentId: row.id,
      kind: row.kind,
      fileName: row.fileName,
    });
    await writeAudit(ctx, {
      action: 'attachment.added',
      entity: 'attachment',
      entityId: row.id,
      after: {
        documentId,
        kind: row.kind,
        fileName: row.fileName,
        mediaType: row.mediaType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
      },
    });
    out.push(row);
  }
  return out;
}
