import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Database } from '@zemstvo/db';
import { openDatabase } from '@zemstvo/db';
import {
  AppError,
  silentLogger,
  systemActor,
  systemClock,
  type Ctx,
  type Sql,
  type Tenant,
} from '@zemstvo/kernel';
import type { Config } from '@zemstvo/server';

/** Who the audit log names for work done from the command line: `system:cli:<os user>`. */
export function cliActorName(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** A ctx for a use case run by the `zemstvo` command (audited as the CLI's operator). */
export function cliCtx(tx: Sql, command: string, tenant: Tenant | null = null): Ctx {
  return {
    actor: systemActor(cliActorName()),
    tenant,
    tx,
    clock: systemClock,
    log: silentLogger,
    requestId: `cli:${command}`,
  };
}

/**
 * Opens the configured database only if it exists: reading commands (backup, audit verify) must
 * not create an empty PGlite data directory by accident.
 */
export async function openExistingDatabase(config: Config): Promise<Database> {
  if (!config.databaseUrl) {
    const dataDir = resolve(config.dataDir);
    if (!existsSync(join(dataDir, 'pgdata')))
      throw new AppError(
        'no_database',
        `There is no Zemstvo database in ${dataDir} (set DATA_DIR, or DATABASE_URL for a PostgreSQL server).`,
        404,
      );
  }
  return openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
}
