import { basename, resolve } from 'node:path';
import { writeAudit } from '@zemstvo/audit';
import { readBackupHeader, restoreBackup } from '@zemstvo/db';
import { loadConfig, openMigratedDatabase } from '@zemstvo/server';
import { cliCtx } from '../cli-context.ts';
import { print } from '../run.ts';

/**
 * Restores a backup into the configured database (migrated first; it must be empty unless
 * --force), in one transaction, and records the restore in the platform's audit chain.
 */
export async function restoreCommand(opts: { input: string; force?: boolean }): Promise<void> {
  const file = resolve(opts.input);
  const header = await readBackupHeader(file); // a bad file fails before any database is touched
  const db = await openMigratedDatabase(loadConfig());
  try {
    const s = await restoreBackup(db, file, {
      force: opts.force ?? false,
      afterRestore: (sql, summary) =>
        writeAudit(cliCtx(sql, 'restore'), {
          action: 'database.restored',
          entity: 'database',
          entityId: null,
          municipalityId: null,
          after: {
            file: basename(file),
            backupCreatedAt: summary.backup.createdAt,
            backupDatabase: summary.backup.database,
            tables: summary.tables,
            rows: summary.rows,
            replacedData: summary.replacedData,
          },
        }),
    });
    print(
      `Restored ${s.rows} rows in ${s.tables} tables into ${db.description} ` +
        `from the backup taken ${header.createdAt} on ${header.database}${s.replacedData ? ' (its previous data replaced)' : ''}.`,
    );
  } finally {
    await db.close();
  }
}
