import { silentLogger } from '@zemstvo/kernel';
import { buildPermissionRegistry, loadConfig, openMigratedDatabase, seedDemo } from '@zemstvo/server';
import { cliCtx } from '../cli-context.ts';
import { print } from '../run.ts';

/**
 * Loads the demo region into an empty database (migrating it first), through the same audited use
 * cases as `start`. A database that already has a region is left alone, and the command says so.
 */
export async function seedCommand(): Promise<void> {
  const db = await openMigratedDatabase(loadConfig());
  try {
    const result = await seedDemo(db, buildPermissionRegistry(), (tx) => cliCtx(tx, 'seed'), silentLogger);
    if (result.seededNow) {
      print(`Demo data loaded: ${result.logins.length} demo logins, password ${result.password}.`);
    } else if (result.logins.length > 0) {
      print('The demo data is already loaded; nothing to do.');
    } else {
      print('The database already has data (a region exists); the demo data was not loaded.');
    }
  } finally {
    await db.close();
  }
}
