import { resolve } from 'node:path';
import { describeFileStorage, FILE_COLUMNS, loadConfig, openFileStorage } from '@zemstvo/server';
import { writeBackupArchive } from '../backup/write-archive.ts';
import { openExistingDatabase } from '../cli-context.ts';
import { print } from '../run.ts';

/**
 * Writes one archive (tar.gz) with a consistent snapshot of the whole database and the stored
 * files (FILES_DIR) that its rows name.
 */
export async function backupCommand(opts: { output: string; force?: boolean }): Promise<void> {
  const config = loadConfig();
  const db = await openExistingDatabase(config);
  try {
    const s = await writeBackupArchive(
      db,
      await openFileStorage(config.storage),
      FILE_COLUMNS,
      resolve(opts.output),
      {
        overwrite: opts.force ?? false,
      },
    );
    print(
      `Backup written to ${s.file}: ${s.tables} tables, ${s.rows} rows, ${s.files} files (${s.fileBytes} bytes), ` +
        `${s.bytes} bytes in all; ${s.migrations} migrations (last: ${s.lastMigration ?? 'none'}), from ${db.description}.`,
    );
    if (s.missing.length > 0)
      process.stderr.write(
        `zemstvo: warning: ${s.missing.length} stored files that rows name were not in ${describeFileStorage(config.storage)}: ${s.missing.slice(0, 5).join(', ')}${s.missing.length > 5 ? ', …' : ''}\n`,
      );
    if (s.damaged.length > 0)
      process.stderr.write(
        `zemstvo: warning: ${s.damaged.length} stored files differ from the SHA-256 their row records (copied as they are): ${s.damaged.slice(0, 5).join(', ')}\n`,
      );
  } finally {
    await db.close();
  }
}
