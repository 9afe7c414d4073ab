import { writeAudit } from '@zemstvo/audit';
import { attachmentsRepo, documentsRepo, recordEvent } from '@zemstvo/documents';
import { badRequest, conflict, notFound, type Ctx } from '@zemstvo/kernel';
import { appealsRepo } from '../infra/appeals.repository.ts';
import { loadView, type AppealView } from './appeal-view.ts';
import { requireTenant } from './context.ts';
import { notifyApplicant } from './notify-applicant.ts';
import { setAppealStatus } from './set-appeal-status.ts';

export interface MergeAppealInput {
  /** The appeal of the same municipality this one repeats; it stays open and gets the files. */
  into: string;
  comment?: string | null;
}

export interface MergeOutcome {
  duplicate: AppealView;
  original: AppealView;
  /** The duplicate's signed-in applicant, now a co-applicant of the original (null: none). */
  coApplicantUserId: string | null;
  attachmentsLinked: number;
}

/**
 * Merges a repeated appeal into the one it repeats: the duplicate is closed as `duplicate` of the
 * original (the same transitions as setting the status by hand), its files are linked to the
 * original (same stored object, a new attachment row), both histories record the merge, and its
 * applicant is told (cabinet and e-mail). The caller adds the applicant as a co-applicant.
 */
export async function mergeAppeal(ctx: Ctx, id: string, input: MergeAppealInput): Promise<MergeOutcome> {
  const m = requireTenant(ctx).municipalityId;
  if (input.into === id) throw badRequest('duplicate_of_self', 'An appeal cannot duplicate itself');
  const duplicate = await appealsRepo.getForUpdate(ctx.tx, m, id);
  if (!duplicate) throw notFound('Appeal', 'appeal_not_found');
  const original = await appealsRepo.getForUpdate(ctx.tx, m, input.into);
  if (!original) throw notFound('Original appeal', 'original_not_found');
  if (duplicate.status === 'duplicate')
    throw conflict('already_duplicate', 'This appeal is already a duplicate', {
      duplicateOf: duplicate.duplicateOf,
    });
  if (original.status === 'duplicate')
    throw conflict('original_is_duplicate', 'Merge into the appeal the original duplicates', {
      duplicateOf: original.duplicateOf,
    });

  const dupView = await setAppealStatus(ctx, id, {
    status: 'duplicate',
    duplicateOf: input.into,
    comment: input.comment ?? null,
  });
  const now = ctx.clock.now();
  const files = await attachmentsRepo.listForDocument(ctx.tx, m, id);
  for (const f of files)
    await attachmentsRepo.insert(
      ctx.tx,
      m,
      {
        documentId: input.into,
        kind: f.kind,
        fileName: f.fileName,
        mediaType: f.mediaType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        storageKey: f.storageKey,
        url: f.url,
        createdBy: f.createdBy,
        extractedText: await attachmentsRepo.extractedText(ctx.tx, m, f.id),
      },
      now,
    );
  const [dupDoc, origDoc] = [
    await documentsRepo.get(ctx.tx, m, id),
    await documentsRepo.get(ctx.tx, m, input.into),
  ];
  const coApplicantUserId = duplicate.applicantUserId;
  const facts = {
    duplicate: id,
    duplicateNumber: dupDoc?.regNumber ?? null,
    original: input.into,
    originalNumber: origDoc?.regNumber ?? null,
    attachments: files.length,
    coApplicant: coApplicantUserId !== null,
  };
  await recordEvent(ctx, input.into, 'merged', facts);
  await recordEvent(ctx, id, 'merged_into', facts);
  await writeAudit(ctx, { action: 'appeal.merged', entity: 'appeal', entityId: id, after: facts });
  await notifyApplicant(ctx, duplicate, {
    kind: 'merged',
    purpose: 'notice_merged',
    detail: origDoc?.regNumber ?? input.into,
    source: 'merged by staff',
    regNumber: dupDoc?.regNumber ?? null,
  });
  return {
    duplicate: dupView,
    original: await loadView(ctx, (await appealsRepo.get(ctx.tx, m, input.into))!),
    coApplicantUserId,
    attachmentsLinked: files.length,
  };
}
