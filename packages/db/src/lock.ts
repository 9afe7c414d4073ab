import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@zemstvo/kernel';

/**
 * PGlite has no lock of its own: a second process on the same data directory silently loses
 * writes. We hold `zemstvo.lock` (created with O_EXCL, holding our pid) for as long as the
 * database is open. A lock left by a killed process (its pid is gone) is taken over.
 * Written by hand because lock libraries judge staleness by age, and a restart right after
 * SIGKILL must not wait for a lock to age.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(dataDir: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, 'zemstvo.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return new DataDirLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = readHolder(path);
        if (holder !== null && holder !== process.pid && isAlive(holder)) {
          throw new AppError(
            'data_dir_locked',
            `The data directory ${dataDir} is in use by another Zemstvo process (pid ${holder}). ` +
              'Stop it first, or use another DATA_DIR. For several processes use a PostgreSQL server (DATABASE_URL).',
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
