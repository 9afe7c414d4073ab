import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar, { type Extract } from 'tar-stream';
import { badBackup } from '@zemstvo/db';
import { AppError, isAppError, sha256Hex } from '@zemstvo/kernel';
import { isStorageKey, type FileStorage } from '@zemstvo/storage';
import type { FileColumn } from '@zemstvo/server';
import {
  DATABASE_ENTRY,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  parseManifest,
  type ArchiveManifest,
} from './archive-format.ts';
import { snapshotFileKeys } from './snapshot-files.ts';

/** One entry of an archive being read: its header and a stream of its bytes. */
type Entry = Extract extends AsyncIterable<infer E> ? E : never;

const damaged = (file: string, e: unknown) =>
  isAppError(e)
    ? e
    : badBackup(`${file} cannot be read as a Zemstvo backup archive: ${(e as Error).message}`);

/** A backup archive (tar.gz with files) or a plain database snapshot (.jsonl.gz, the older format)? */
export async function detectBackupKind(file: string): Promise<'archive' | 'snapshot'> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new AppError('file_not_found', `There is no backup file ${file}.`, 404);
  const head = await firstBytes(file, 512);
  if (head.subarray(257, 262).toString('latin1') === 'ustar') return 'archive';
  if (head.subarray(0, 1).toString('latin1') === '{') return 'snapshot';
  throw badBackup(`${file} is not a Zemstvo backup (neither a backup archive nor a database snapshot).`);
}

/** The first `n` bytes of the gunzipped file (fewer if it is shorter). */
async function firstBytes(file: string, n: number): Promise<Buffer> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= n) break;
    }
  } catch (e) {
    if (size === 0) throw badBackup(`${file} is not a Zemstvo backup (not gzip: ${(e as Error).message}).`);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  return Buffer.concat(chunks).subarray(0, n);
}

/** The entries of a tar.gz file in order; each must be read to its end before the next. */
async function* archiveEntries(file: string): AsyncGenerator<Entry> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const extract = tar.extract();
  const fail = (e: Error) => extract.destroy(damaged(file, e));
  source.on('error', fail);
  gunzip.on('error', fail);
  source.pipe(gunzip).pipe(extract);
  try {
    for await (const entry of extract) yield entry;
  } catch (e) {
    throw damaged(file, e);
  } finally {
    source.destroy();
    gunzip.destroy();
    extract.destroy();
  }
}

async function readAll(entry: Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export interface VerifiedArchive {
  /** The database snapshot, extracted into the work folder. */
  snapshot: string;
  manifest: ArchiveManifest;
}

/**
 * Reads the whole archive once before anything is changed: the database snapshot is extracted to
 * `workDir`, every file's SHA-256 and size are checked against the manifest, and the manifest
 * against the rows of the snapshot (the hash each row records; every file a row names is in the
 * archive or was already missing when the backup was taken).
 */
export async function verifyArchive(
  file: string,
  workDir: string,
  columns: readonly FileColumn[],
): Promise<VerifiedArchive> {
  const snapshot = join(workDir, DATABASE_ENTRY);
  const seen = new Map<string, { sha256: string; sizeBytes: number }>();
  let manifest: ArchiveManifest | null = null;
  let index = 0;
  for await (const entry of archiveEntries(file)) {
    const name = entry.header.name;
    if (manifest) throw badBackup(`${file}: entries after the manifest (${name}).`);
    if (index++ === 0) {
      if (name !== DATABASE_ENTRY)
        throw badBackup(`${file}: the archive does not start with ${DATABASE_ENTRY}.`);
      await pipeline(entry, createWriteStream(snapshot));
    } else if (name === MANIFEST_ENTRY) manifest = parseManifest((await readAll(entry)).toString('utf8'));
    else {
      const key = name.slice(FILES_PREFIX.length);
      if (!name.startsWith(FILES_PREFIX) || !isStorageKey(key) || seen.has(key))
        throw badBackup(`${file}: an unexpected entry ${name}.`);
      const hash = createHash('sha256');
      let sizeBytes = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        hash.update(chunk);
        sizeBytes += chunk.length;
      }
      seen.set(key, { sha256: hash.digest('hex'), sizeBytes });
    }
  }
  if (!manifest)
    throw badBackup(`${file} is incomplete: it ends before its manifest (the file was cut short).`);
  for (const f of manifest.files) {
    const got = seen.get(f.key);
    if (!got) throw badBackup(`${file}: the stored file ${f.key} is missing from the archive.`);
    if (got.sha256 !== f.sha256 || got.sizeBytes !== f.sizeBytes)
      throw badBackup(
        `${file}: the stored file ${f.key} is damaged (its SHA-256 differs from the manifest).`,
      );
    seen.delete(f.key);
  }
  if (seen.size > 0) throw badBackup(`${file}: files not in the manifest (${[...seen.keys()][0]}).`);
  const inArchive = new Map(manifest.files.map((f) => [f.key, f.sha256]));
  const missing = new Set(manifest.missing);
  const damagedAtBackup = new Set(manifest.damaged);
  for (const [key, rowSha] of await snapshotFileKeys(snapshot, columns)) {
    const sha = inArchive.get(key);
    if (sha === undefined && !missing.has(key))
      throw badBackup(`${file}: the stored file ${key} that a row names is not in the archive.`);
    if (sha !== undefined && rowSha && rowSha !== sha && !damagedAtBackup.has(key))
      throw badBackup(`${file}: the stored file ${key} does not have the SHA-256 its row records.`);
  }
  return { snapshot, manifest };
}

/**
 * Which of the archive's files the target storage already holds with the same bytes (they are
 * skipped); a different file under one of its keys refuses the restore (409 file_conflict).
 */
export async function checkFileConflicts(
  storage: FileStorage,
  manifest: ArchiveManifest,
): Promise<Set<string>> {
  const same = new Set<string>();
  const conflicts: string[] = [];
  for (const f of manifest.files) {
    const existing = await storage.get(f.key);
    if (!existing) continue;
    if (sha256Hex(existing) === f.sha256) same.add(f.key);
    else conflicts.push(f.key);
  }
  if (conflicts.length > 0)
    throw new AppError(
      'file_conflict',
      `The file storage already holds different files under ${conflicts.length} of the backup's keys ` +
        `(${conflicts.slice(0, 3).join(', ')}${conflicts.length > 3 ? ', …' : ''}); nothing was changed. ` +
        'Restore into an empty FILES_DIR, or move those files away.',
      409,
      { keys: conflicts.slice(0, 100) },
    );
  return same;
}

/** Puts the archive's files into the storage (skipping `present`), each checked against the manifest again. */
export async function putArchiveFiles(
  file: string,
  storage: FileStorage,
  manifest: ArchiveManifest,
  present: ReadonlySet<string>,
): Promise<{ files: number; bytes: number }> {
  const expected = new Map(manifest.files.map((f) => [f.key, f.sha256]));
  let files = 0;
  let bytes = 0;
  for await (const entry of archiveEntries(file)) {
    const key = entry.header.name.slice(FILES_PREFIX.length);
    if (!entry.header.name.startsWith(FILES_PREFIX) || present.has(key)) {
      entry.resume();
      continue;
    }
    const data = await readAll(entry);
    if (sha256Hex(data) !== expected.get(key))
      throw badBackup(`${file}: the stored file ${key} changed while it was restored.`);
    await storage.put(key, data);
    files++;
    bytes += data.length;
  }
  return { files, bytes };
}
