import { createReadStream, existsSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { AppError } from '@zemstvo/kernel';
import { badBackup } from './format.ts';

/**
 * The lines of a gzip'd backup file, read as a stream (constant memory). A missing file, a file
 * that is not gzip, or a damaged one ends in an AppError that says so.
 */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new AppError('file_not_found', `There is no backup file ${file}.`, 404);
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<string>;
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (e) {
        throw badBackup(
          `${file} cannot be read as a Zemstvo backup (gzip'd JSON lines): ${(e as Error).message}`,
        );
      }
      if (next.done) break;
      const parts = (rest + next.value).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) yield line;
    }
    if (rest) yield rest;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}
