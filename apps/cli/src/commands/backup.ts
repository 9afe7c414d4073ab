import { resolve } from 'node:path';
import { writeBackup } from '@zemstvo/db';
import { loadConfig } from '@zemstvo/server';
import { openExistingDatabase } from '../cli-context.ts';
import { print } from '../run.ts';

/** Writes a consistent snapshot of the whole database to a gzip'd JSON-lines file. */
export async function backupCommand(opts: { output: string; force?: boolean }): Promise<void> {
  const db = await openExistingDatabase(loadConfig());
  try {
    const s = await writeBackup(db, resolve(opts.output), { overwrite: opts.force ?? false });
    print(
      `Backup written to ${s.file}: ${s.tables} tables, ${s.rows} rows, ${s.bytes} bytes; ` +
        `${s.migrations} migrations (last: ${s.lastMigration ?? 'none'}), from ${db.description}.`,
    );
  } finally {
    await db.close();
  }
}
