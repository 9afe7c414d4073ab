import type { Database } from '@zemstvo/db';
import { AppError } from '@zemstvo/kernel';
import type { FileStorage, StoredFile } from '@zemstvo/storage';
import { referencedFileKeys } from './file-references.ts';

export interface SweepOptions {
  /** Only files written longer ago than this are candidates (the grace period). */
  olderThanMs: number;
  now: Date;
  /** Report what would be removed, remove nothing. */
  dryRun: boolean;
}

export interface SweepResult {
  /** Files in the storage. */
  scanned: number;
  /** Files some row names. */
  referenced: number;
  /** Unreferenced files still inside the grace period (a request may be about to commit their row). */
  young: number;
  /** The orphans removed (or, on a dry run, that would be). */
  removed: StoredFile[];
  removedBytes: number;
}

/** The shortest grace period: no request or job holds a written file uncommitted that long. */
export const MIN_SWEEP_AGE_MS = 60 * 60 * 1000;

/**
 * Removes stored files that no row names and that are older than the grace period: bytes put by a
 * request whose transaction then rolled back (a refused intake, a failed render), or left-overs of
 * interrupted writes. Files are listed before the references are read, so a file whose row commits
 * meanwhile is still found referenced; a file written after the listing is not looked at at all.
 */
export async function sweepOrphanFiles(
  db: Database,
  storage: FileStorage,
  opts: SweepOptions,
): Promise<SweepResult> {
  if (!(opts.olderThanMs >= MIN_SWEEP_AGE_MS))
    throw new AppError(
      'grace_too_short',
      'The grace period must be at least 1h: a request may hold a written file whose row is not committed yet.',
      400,
    );
  const cutoff = opts.now.getTime() - opts.olderThanMs;
  const files: StoredFile[] = [];
  for await (const f of storage.list()) files.push(f);
  const referenced = await db.transaction((sql) => referencedFileKeys(sql));
  const result: SweepResult = {
    scanned: files.length,
    referenced: 0,
    young: 0,
    removed: [],
    removedBytes: 0,
  };
  for (const f of files) {
    if (referenced.has(f.key)) result.referenced++;
    else if (f.modifiedAt.getTime() > cutoff) result.young++;
    else {
      if (!opts.dryRun) await storage.delete(f.key);
      result.removed.push(f);
      result.removedBytes += f.sizeBytes;
    }
  }
  return result;
}
