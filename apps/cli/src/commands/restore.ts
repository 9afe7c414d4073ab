import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { writeAudit } from '@zemstvo/audit';
import { readBackupHeader, restoreBackup } from '@zemstvo/db';
import {
  describeFileStorage,
  FILE_COLUMNS,
  loadConfig,
  openFileStorage,
  openMigratedDatabase,
} from '@zemstvo/server';
import {
  checkFileConflicts,
  detectBackupKind,
  putArchiveFiles,
  verifyArchive,
} from '../backup/read-archive.ts';
import { cliCtx } from '../cli-context.ts';
import { print } from '../run.ts';

/**
 * Restores a backup into the configured database (migrated first; it must be empty unless
 * --force), in one transaction, and records the restore in the platform's audit chain. An archive
 * is read and checked whole first; its files are put into FILES_DIR inside the database's
 * transaction, so a failure leaves the database as it was (files already put are then unreferenced,
 * and `zemstvo files sweep` removes them). A plain database snapshot (older backups) restores the
 * database alone.
 */
export async function restoreCommand(opts: { input: string; force?: boolean }): Promise<void> {
  const file = resolve(opts.input);
  const work = mkdtempSync(join(tmpdir(), 'zemstvo-restore-'));
  try {
    // A bad file fails before any database or file is touched.
    const archive =
      (await detectBackupKind(file)) === 'archive' ? await verifyArchive(file, work, FILE_COLUMNS) : null;
    const snapshot = archive?.snapshot ?? file;
    const header = await readBackupHeader(snapshot);
    const config = loadConfig();
    const storage = await openFileStorage(config.storage);
    const present = archive ? await checkFileConflicts(storage, archive.manifest) : new Set<string>();
    const db = await openMigratedDatabase(config);
    try {
      let files = { files: 0, bytes: 0 };
      const s = await restoreBackup(db, snapshot, {
        force: opts.force ?? false,
        afterRestore: async (sql, summary) => {
          if (archive) files = await putArchiveFiles(file, storage, archive.manifest, present);
          await writeAudit(cliCtx(sql, 'restore'), {
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
              files: files.files,
              filesAlreadyPresent: present.size,
            },
          });
        },
      });
      const withFiles = archive
        ? ` and ${files.files} files (${files.bytes} bytes) into ${describeFileStorage(config.storage)}` +
          (present.size > 0 ? ` (${present.size} were already there)` : '')
        : ' (a database-only backup: no stored files)';
      print(
        `Restored ${s.rows} rows in ${s.tables} tables into ${db.description}${withFiles} ` +
          `from the backup taken ${header.createdAt} on ${header.database}${s.replacedData ? ' (its previous data replaced)' : ''}.`,
      );
      const missing = archive?.manifest.missing ?? [];
      if (missing.length > 0)
        process.stderr.write(
          `zemstvo: warning: ${missing.length} stored files were already missing when the backup was taken: ${missing.slice(0, 5).join(', ')}\n`,
        );
    } finally {
      await db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
