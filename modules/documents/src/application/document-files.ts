import { conflict, notFound, type Ctx, type Sql } from '@zemstvo/kernel';
import type { FileStorage } from '@zemstvo/storage';
import { documentsRepo, type DocumentRow } from '../infra/documents.repository.ts';
import { signaturesRepo } from '../infra/signatures.repository.ts';
import { versionsRepo } from '../infra/versions.repository.ts';
import { tenantOf } from './deps.ts';

export interface StoredFile {
  bytes: Uint8Array;
  mediaType: string;
  /** A file name for Content-Disposition (made safe by the route). */
  name: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const baseName = (d: DocumentRow, version?: number) =>
  `${(d.regNumber ?? (d.kind === 'answer' ? 'Проект ответа' : 'Проект документа')).replaceAll('/', '-')}${version ? ` (версия ${version})` : ''}`;

async function read(storage: FileStorage, key: string | null): Promise<Uint8Array> {
  const bytes = key ? await storage.get(key) : null;
  if (!bytes) throw conflict('file_missing', 'The file of this document is missing from the storage');
  return bytes;
}

/** A version's DOCX or PDF (the latest version when none is named). */
export async function versionFile(
  ctx: Ctx,
  storage: FileStorage,
  documentId: string,
  format: 'docx' | 'pdf',
  version?: number,
): Promise<StoredFile> {
  const m = tenantOf(ctx).municipalityId;
  const doc = await documentsRepo.get(ctx.tx, m, documentId);
  if (!doc) throw notFound('Document');
  const v = await versionsRepo.get(ctx.tx, m, doc.id, version);
  if (!v) throw notFound(version ? `Version ${version}` : 'Version', 'version_not_found');
  const bytes = await read(storage, format === 'docx' ? v.docxKey : v.pdfKey);
  return {
    bytes,
    mediaType: format === 'docx' ? DOCX : 'application/pdf',
    name: `${baseName(doc, v.version)}.${format}`,
  };
}

/**
 * The signed PDF of an outgoing document (its latest signature): the printable copy for post,
 * and what the resident's cabinet offers for download (the appeals module calls this).
 */
export async function signedFile(ctx: Ctx, storage: FileStorage, documentId: string): Promise<StoredFile> {
  return signedFileIn(ctx.tx, storage, tenantOf(ctx).municipalityId, documentId);
}

export async function signedFileIn(
  sql: Sql,
  storage: FileStorage,
  municipalityId: string,
  documentId: string,
): Promise<StoredFile> {
  const doc = await documentsRepo.get(sql, municipalityId, documentId);
  if (!doc) throw notFound('Document');
  const [signature] = (await signaturesRepo.ofDocument(sql, municipalityId, doc.id)).slice(-1);
  if (!signature) throw conflict('not_signed', 'The document is not signed yet');
  return {
    bytes: await read(storage, signature.fileKey),
    mediaType: 'application/pdf',
    name: `${baseName(doc)}.pdf`,
  };
}

/** The signed answer behind an e-mail's download link, or null for an unknown link. */
export async function answerByDownloadToken(
  sql: Sql,
  storage: FileStorage,
  token: string,
): Promise<StoredFile | null> {
  const found = await signaturesRepo.byDownloadToken(sql, token);
  return found ? signedFileIn(sql, storage, found.municipalityId, found.documentId) : null;
}
