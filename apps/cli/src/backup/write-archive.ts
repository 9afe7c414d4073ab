import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar, { type Pack } from 'tar-stream';
import { writeBackup, type BackupSummary, type Database } from '@zemstvo/db';
import { AppError, sha256Hex } from '@zemstvo/kernel';
import type { FileStorage } from '@zemstvo/storage';
import type { FileColumn } from '@zemstvo/server';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  DATABASE_ENTRY,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  type ArchiveManifest,
} from './archive-format.ts';
import { snapshotFileKeys } from './snapshot-files.ts';

export interface ArchiveSummary extends BackupSummary {
  files: number;
  fileBytes: number;
  missing: string[];
  damaged: string[];
}

/**
 * Writes one archive with a consistent database snapshot and the stored files its rows name.
 *
 * Consistency: the snapshot is one REPEATABLE READ transaction. Files are copied after it, which
 * is safe because a stored file is never changed: every write goes to a freshly generated key
 * (`newStorageKey`, `storageKey`), and a file is deleted only once no committed row names it (a
 * rolled-back request's bytes, a purged staged upload, the orphan sweep). So the bytes read now are
 * the bytes the snapshot's rows meant; a file deleted meanwhile (its row deleted after the
 * snapshot) is listed as missing instead of failing the backup.
 */
export async function writeBackupArchive(
  db: Database,
  storage: FileStorage,
  columns: readonly FileColumn[],
  file: string,
  opts: { overwrite?: boolean; now?: Date } = {},
): Promise<ArchiveSummary> {
  if (existsSync(file) && !opts.overwrite)
    throw new AppError(
      'file_exists',
      `${file} already exists; choose another file or pass --force to replace it.`,
      409,
    );
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}`);
  const snapshot = `${tmp}.db.partial`;
  const partial = `${tmp}.partial`;
  try {
    const db0 = await writeBackup(db, snapshot, { overwrite: true, ...(opts.now ? { now: opts.now } : {}) });
    const keys = await snapshotFileKeys(snapshot, columns);
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: (opts.now ?? new Date()).toISOString(),
      files: [],
      missing: [],
      damaged: [],
    };
    const pack = tar.pack();
    const written = pipeline(pack, createGzip(), createWriteStream(partial));
    await addStream(pack, DATABASE_ENTRY, snapshot);
    let fileBytes = 0;
    for (const [key, rowSha] of [...keys].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const bytes = await storage.get(key);
      if (!bytes) {
        manifest.missing.push(key);
        continue;
      }
      const sha256 = sha256Hex(bytes);
      if (rowSha && rowSha !== sha256) manifest.damaged.push(key);
      manifest.files.push({ key, sizeBytes: bytes.length, sha256 });
      fileBytes += bytes.length;
      await addBuffer(pack, FILES_PREFIX + key, Buffer.from(bytes));
    }
    await addBuffer(pack, MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)));
    pack.finalize();
    await written;
    renameSync(partial, file);
    return {
      ...db0,
      file,
      bytes: statSync(file).size,
      files: manifest.files.length,
      fileBytes,
      missing: manifest.missing,
      damaged: manifest.damaged,
    };
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof AppError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code && err.syscall)
      throw new AppError('cannot_write', `Cannot write ${file}: ${err.message}`, 400);
    throw e;
  } finally {
    rmSync(snapshot, { force: true });
  }
}

function addBuffer(pack: Pack, name: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: bytes.length, mode: 0o600, mtime: new Date(0) }, bytes, (err) =>
      err ? reject(err) : resolve(),
    );
  });
}

async function addStream(pack: Pack, name: string, path: string): Promise<void> {
  const entry = pack.entry({ name, size: statSync(path).size, mode: 0o600, mtime: new Date(0) });
  await pipeline(createReadStream(path), entry);
}
