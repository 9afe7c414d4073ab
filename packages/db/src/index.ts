export * from './database.ts';
export * from './open.ts';
export * from './migrate.ts';
export * from './jobs.ts';
export { DataDirLock } from './lock.ts';
export { redact } from './postgres.ts';
export { writeBackup, type BackupSummary } from './backup/write-backup.ts';
export {
  restoreBackup,
  readBackupHeader,
  type RestoreOptions,
  type RestoreSummary,
} from './backup/restore-backup.ts';
export { parseHeader, parseLine, badBackup, type BackupHeader, type BackupLine } from './backup/format.ts';
export { readBackupLines } from './backup/read-backup.ts';
import { fileURLToPath } from 'node:url';
import type { MigrationSource } from './migrate.ts';

export const platformMigrations: MigrationSource = {
  module: 'platform',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};
