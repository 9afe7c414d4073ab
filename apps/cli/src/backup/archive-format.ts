import { badBackup } from '@zemstvo/db';

/**
 * A Zemstvo backup archive is a gzip'd tar file:
 *
 *   database.jsonl.gz        the database snapshot (packages/db/src/backup/format.ts), unchanged
 *   files/<storage key>      the bytes of every stored file the snapshot's rows name
 *   manifest.json            last: every file with its size and SHA-256, the files that were
 *                            missing or differed from their row's hash when the backup was taken
 *
 * The manifest comes last and proves the archive whole, like the snapshot's closing line.
 * A plain `.jsonl.gz` snapshot (the format before files were included) is still restored.
 */
export const ARCHIVE_FORMAT = 'zemstvo-backup-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const DATABASE_ENTRY = 'database.jsonl.gz';
export const MANIFEST_ENTRY = 'manifest.json';
export const FILES_PREFIX = 'files/';

export interface ArchivedFile {
  key: string;
  sizeBytes: number;
  sha256: string;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  files: ArchivedFile[];
  /** Named by a row but absent from the storage when the backup was taken. */
  missing: string[];
  /** Present, but not the bytes whose SHA-256 their row records (copied as they were). */
  damaged: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function parseManifest(text: string): ArchiveManifest {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw badBackup('The manifest of the backup archive is not valid JSON (the archive is damaged).');
  }
  if (!isObject(v) || v.format !== ARCHIVE_FORMAT)
    throw badBackup('The backup archive has no Zemstvo manifest.');
  if (v.formatVersion !== ARCHIVE_FORMAT_VERSION)
    throw badBackup(
      `This backup archive has format version ${String(v.formatVersion)}; this Zemstvo reads version ${ARCHIVE_FORMAT_VERSION}.`,
    );
  const files = Array.isArray(v.files) ? v.files : null;
  if (
    !files ||
    !files.every(
      (f) =>
        isObject(f) &&
        typeof f.key === 'string' &&
        Number.isSafeInteger(f.sizeBytes) &&
        typeof f.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(f.sha256),
    ) ||
    !isStringList(v.missing) ||
    !isStringList(v.damaged)
  )
    throw badBackup('The manifest of the backup archive is not understood.');
  return {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
    files: files.map((f) => ({
      key: String(f.key),
      sizeBytes: Number(f.sizeBytes),
      sha256: String(f.sha256),
    })),
    missing: v.missing,
    damaged: v.damaged,
  };
}
