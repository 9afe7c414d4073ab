import { loadMigrations, pendingMigrations } from '@zemstvo/db';
import { loadConfig, migrationSources, openMigratedDatabase } from '@zemstvo/server';
import { openDatabase } from '@zemstvo/db';
import { print } from '../run.ts';

export async function migrateCommand(opts: { status?: boolean }): Promise<void> {
  const config = loadConfig();
  if (opts.status) {
    const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const pending = await pendingMigrations(db, loadMigrations(migrationSources));
      print(
        pending.length ? `Pending migrations:\n  ${pending.join('\n  ')}` : 'The database is up to date.',
      );
    } finally {
      await db.close();
    }
    return;
  }
  const db = await openMigratedDatabase(config);
  await db.close();
  print('Migrations applied; the database is up to date.');
}
