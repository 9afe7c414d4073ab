import type { Command } from 'commander';
import { AppError } from '@zemstvo/kernel';
import { auditFileSweep, loadConfig, openFileStorage, sweepOrphanFiles } from '@zemstvo/server';
import { cliCtx, openExistingDatabase } from '../cli-context.ts';
import { action, print } from '../run.ts';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `24h`, `7d` in milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d{1,6})([mhd])$/.exec(text.trim());
  if (!m) throw new AppError('bad_duration', `"${text}" is not a duration like 30m, 24h or 7d.`, 400);
  return Number(m[1]) * UNITS[m[2]!]!;
}

/**
 * Deletes stored files no row names and older than the grace period (bytes of requests that were
 * refused or rolled back after writing them); lists each, and audits what was removed.
 */
export async function filesSweepCommand(opts: { dryRun?: boolean; olderThan: string }): Promise<void> {
  const olderThanMs = parseDuration(opts.olderThan);
  const config = loadConfig();
  const db = await openExistingDatabase(config);
  try {
    const dryRun = opts.dryRun ?? false;
    const r = await sweepOrphanFiles(db, await openFileStorage(config.storage), {
      olderThanMs,
      now: new Date(),
      dryRun,
    });
    for (const f of r.removed)
      print(
        `${dryRun ? 'would remove' : 'removed'} ${f.key} (${f.sizeBytes} bytes, written ${f.modifiedAt.toISOString()})`,
      );
    if (!dryRun && r.removed.length > 0)
      await db.transaction((sql) => auditFileSweep(cliCtx(sql, 'files sweep'), r, opts.olderThan));
    print(
      `${r.scanned} stored files: ${r.referenced} referenced, ${r.young} unreferenced but younger than ${opts.olderThan}, ` +
        `${r.removed.length} orphans (${r.removedBytes} bytes) ${dryRun ? 'would be removed (dry run)' : 'removed'}.`,
    );
  } finally {
    await db.close();
  }
}

export function registerFilesCommands(program: Command): void {
  const files = program
    .command('files')
    .description(
      'Stored files (attachments, rendered documents) in FILES_DIR, or the S3 bucket with STORAGE=s3',
    );
  files
    .command('sweep')
    .description('Delete stored files that no row names and that are older than the grace period (audited)')
    .option('--dry-run', 'only list what would be deleted')
    .option('--older-than <duration>', 'grace period, at least 1h: 90m, 24h, 7d', '24h')
    .action(action(filesSweepCommand));
}
