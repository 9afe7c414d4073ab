import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '@zemstvo/kernel';

/**
 * PGlite has no lock of its own: a second process on the same data directory silently loses
 * writes. We hold `zemstvo.lock` (created with O_EXCL, holding our pid) for as long as the
 * database is open. A lock left by a killed process (its pid is gone) is taken over.
 * Written by hand because lock libraries judge staleness by age, and a restart right after
 * SIGKILL must not wait for a lock to age.
 *
 * A lock holding our own pid is stale (a container restarted after a kill often reuses the pid),
 * unless this process holds it itself: opening one data directory twice in one process loses
 * writes just the same, so that is refused too.
 */
export class DataDirLock {
  /** Lock files this process holds. */
  static readonly #held = new Set<string>();

  private constructor(private readonly path: string) {}

  static acquire(dataDir: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const path = resolve(dataDir, 'zemstvo.lock');
    if (DataDirLock.#held.has(path))
      throw new AppError(
        'data_dir_locked',
        `The data directory ${dataDir} is already open in this process; close it before opening it again.`,
        409,
        { pid: process.pid, dataDir },
      );
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        DataDirLock.#held.add(path);
        return new DataDirLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = readHolder(path);
        if (holder !== null && holder !== process.pid && isAlive(holder)) {
          throw new AppError(
            'data_dir_locked',
            `The data directory ${dataDir} is in use by another Zemstvo process (pid ${holder}). ` +
              'Stop it first, or use another DATA_DIR. For several processes use a PostgreSQL server (DATABASE_URL). ' +
              `If no Zemstvo process uses it (pid ${holder} is another program), delete ${path}.`,
            409,
            { pid: holder, dataDir },
          );
        }
        rmSync(path, { force: true }); // stale: its process is gone
      }
    }
    throw new AppError('data_dir_locked', `Could not lock the data directory ${dataDir}`, 409);
  }

  release(): void {
    if (!DataDirLock.#held.delete(this.path)) return;
    if (readHolder(this.path) === process.pid) rmSync(this.path, { force: true });
  }
}

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isFinite(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
