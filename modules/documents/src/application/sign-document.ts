import { writeAudit } from '@zemstvo/audit';
import { conflict, forbidden, notFound, sha256Hex, type Ctx } from '@zemstvo/kernel';
import { tenancyRepo } from '@zemstvo/tenancy';
import { renderSignedPdf } from '@zemstvo/templates';
import { documentsRepo } from '../infra/documents.repository.ts';
import { signaturesRepo, type SignatureRow } from '../infra/signatures.repository.ts';
import { versionsRepo } from '../infra/versions.repository.ts';
import { staffDirectory, tenantOf, userOf, type WorkflowDeps } from './deps.ts';
import { recordEvent } from './history.ts';
import { storageKey } from './render-version.ts';

/** Where anyone checks a signed file (the web app's verification page; the API is POST /api/verify). */
export const verifyPageUrl = (publicUrl: string): string => `${publicUrl}/verify`;

/**
 * The signatory signs the approved version of a draft. The signed copy is the approved DOCX laid
 * out as PDF with the signature stamp (signer, time, SHA-256 of the approved DOCX, where to verify);
 * the signature provider (simple electronic signature by default, 63-FZ Art. 5 p.2) records who
 * signed, when, and the SHA-256 of the exact bytes of the signed PDF, which is stored.
 */
export async function signDocument(ctx: Ctx, deps: WorkflowDeps, draftId: string): Promise<SignatureRow> {
  const tenant = tenantOf(ctx);
  const m = tenant.municipalityId;
  const user = userOf(ctx);
  const draft = await documentsRepo.getForUpdate(ctx.tx, m, draftId);
  if (!draft || draft.direction !== 'outgoing') throw notFound('Draft');
  if (draft.status === 'signed' || draft.status === 'dispatched')
    throw conflict('already_signed', 'The document is already signed');
  if (draft.status !== 'approved')
    throw conflict('not_approved', `Only an approved draft is signed; this one is ${draft.status}`);
  if (draft.signatoryUserId && draft.signatoryUserId !== user.userId)
    throw forbidden('Another staff member is named to sign this document', 'not_the_signatory');
  const version = await versionsRepo.get(ctx.tx, m, draft.id);
  if (!version?.docxKey || !version.pdfKey)
    throw conflict('no_version', 'The draft has no rendered version to sign');
  const docx = await deps.storage.get(version.docxKey);
  const approvedPdf = await deps.storage.get(version.pdfKey);
  if (!docx || !approvedPdf || sha256Hex(approvedPdf) !== version.pdfSha256)
    throw conflict(
      'file_integrity',
      'The approved files are missing or changed since approval; save and approve a new version',
    );

  const signer = (await staffDirectory(ctx)).get(user.userId);
  const position = signer?.position?.[version.locale] ?? null;
  const municipality = await tenancyRepo.municipalityBySlug(ctx.tx, tenant.slug);
  const signedAt = ctx.clock.now();
  const stamped = await renderSignedPdf(
    docx,
    {
      signerName: user.displayName,
      signerPosition: position,
      signedAt,
      sha256: sha256Hex(docx),
      verifyUrl: verifyPageUrl(deps.publicUrl),
    },
    { locale: version.locale, createdAt: signedAt, title: draft.title, timeZone: tenant.timeZone },
  );
  const signed = await deps.signature.sign({
    pdf: stamped,
    signer: { userId: user.userId, name: user.displayName, position },
    signedAt,
  });
  const fileKey = storageKey(ctx, 'pdf');
  await deps.storage.put(fileKey, signed.file);
  const signature = await signaturesRepo.insert(ctx.tx, m, {
    documentId: draft.id,
    version: version.version,
    method: deps.signature.method,
    signerUserId: user.userId,
    signerName: user.displayName,
    signerPosition: position,
    signedAt,
    fileSha256: sha256Hex(signed.file),
    fileKey,
    signatureData: signed.signatureData,
    municipalityNameRu: municipality?.nameRu ?? null,
    municipalityNameEn: municipality?.nameEn ?? null,
  });
  await documentsRepo.update(ctx.tx, m, draft.id, { signatoryUserId: user.userId }, signedAt);
  await documentsRepo.setStatus(ctx.tx, m, draft.id, 'signed', signedAt);
  const facts = {
    signatureId: signature.id,
    method: signature.method,
    version: version.version,
    sha256: signature.fileSha256,
  };
  await recordEvent(ctx, draft.id, 'signed', facts);
  await writeAudit(ctx, {
    action: 'document.signed',
    entity: 'document',
    entityId: draft.id,
    before: { status: 'approved' },
    after: { status: 'signed', ...facts },
  });
  return signature;
}
