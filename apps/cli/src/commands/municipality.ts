import type { Command } from 'commander';
import { loadConfig, openMigratedDatabase } from '@zemstvo/server';
import { setMunicipalityTimeZone } from '@zemstvo/tenancy';
import { cliCtx } from '../cli-context.ts';
import { action, print } from '../run.ts';

export interface MunicipalitySetOptions {
  municipality: string;
  timeZone: string;
}

/**
 * `zemstvo municipality set --municipality SLUG --time-zone ZONE`: the IANA time zone the
 * municipality counts its days in (audited; its dashboard summaries are rebuilt in the same
 * transaction). A running server sees the new zone within seconds (its tenant cache).
 */
export async function municipalitySetCommand(opts: MunicipalitySetOptions): Promise<void> {
  const db = await openMigratedDatabase(loadConfig());
  try {
    const r = await db.transaction((tx) =>
      setMunicipalityTimeZone(cliCtx(tx, 'municipality-set'), opts.municipality, opts.timeZone),
    );
    print(`Municipality ${r.slug} counts its days in ${r.timeZone}.`);
  } finally {
    await db.close();
  }
}

export function registerMunicipalityCommands(program: Command): void {
  const municipality = program.command('municipality').description('Settings of a municipality');
  municipality
    .command('set')
    .description(
      'Change the time zone a municipality counts its days in (registration dates, deadlines, dashboards)',
    )
    .requiredOption('--municipality <slug>', 'the municipality')
    .requiredOption('--time-zone <zone>', 'an IANA time zone, e.g. Europe/Kaliningrad, Asia/Vladivostok')
    .action(action(municipalitySetCommand));
}
