import { existsSync, statSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { IMPORT_FORMATS, type ImportFormat } from '@zemstvo/appeals';
import { badRequest, notFound, type Sql, type Tenant } from '@zemstvo/kernel';
import { readJsonLines } from '@zemstvo/routing';
import { loadMigrations, migrate } from '@zemstvo/db';
import { loadConfig, migrationSources } from '@zemstvo/server';
import {
  DEFAULT_BATCH_SIZE,
  importAppealsFile,
  type ImportFileSummary,
  type ImportProgress,
} from '@zemstvo/server/import/import-appeals-file';
import { cliCtx, openExistingDatabase } from '../cli-context.ts';
import { action, print } from '../run.ts';

const warn = (s: string): void => {
  process.stderr.write(`zemstvo: ${s}\n`);
};

/** How many invalid lines are listed one by one (the summary counts them all). */
const LISTED_INVALID = 20;

export interface ImportAppealsOptions {
  format: ImportFormat;
  municipality: string;
  service?: string;
  limit?: number;
  batchSize?: number;
}

const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} is a whole number ≥ 1`);
  return n;
};

async function countLines(file: string, limit: number): Promise<number> {
  let n = 0;
  for await (const _line of readJsonLines(file)) if (++n >= limit) break;
  return n;
}

/** A progress bar on a terminal; a rate line per batch otherwise (logs, CI). */
function progressReporter(total: number, started: number) {
  const rate = (p: ImportProgress) =>
    Math.round(p.lines / Math.max((performance.now() - started) / 1000, 0.001));
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format:
        '{bar} {value}/{total} lines | {imported} new, {existing} there, {invalid} invalid | {rate} lines/s | ETA {eta_formatted}',
      hideCursor: true,
    });
    bar.start(total, 0, { imported: 0, existing: 0, invalid: 0, rate: 0 });
    return {
      update: (p: ImportProgress) => bar.update(p.lines, { ...p, rate: rate(p) }),
      stop: () => bar.stop(),
    };
  }
  return {
    update: (p: ImportProgress) =>
      process.stderr.write(
        `${p.lines}/${total} lines: ${p.imported} new, ${p.existing} already there, ${p.invalid} invalid (${rate(p)} lines/s)\n`,
      ),
    stop: () => undefined,
  };
}

function summarize(file: string, municipality: string, s: ImportFileSummary): void {
  if (s.installed) print(`Installed the service ${s.service} in ${municipality}.`);
  for (const l of s.invalidLines.slice(0, LISTED_INVALID))
    warn(`${file}: line ${l.lineNo}: ${l.error} (skipped)`);
  if (s.invalidLines.length > LISTED_INVALID)
    warn(`… and ${s.invalidLines.length - LISTED_INVALID} more invalid line(s)`);
  print(
    `Imported ${s.imported} appeal(s) with ${s.answers} answer(s) into ${municipality}/${s.service} from ${s.lines} line(s) ` +
      `in ${s.seconds.toFixed(1)} s (${Math.round(s.lines / Math.max(s.seconds, 0.001))} lines/s): ` +
      `${s.existing} already there, ${s.invalid} invalid, ${s.departmentsCreated} department(s) created.`,
  );
}

/** `zemstvo import appeals --format spb FILE --municipality SLUG`. */
export async function importAppealsCommand(file: string, opts: ImportAppealsOptions): Promise<void> {
  if (!existsSync(file)) throw notFound(`Input file ${file}`, 'input_not_found');
  if (!statSync(file).isFile()) throw badRequest('input_not_a_file', `${file} is not a file`);
  const db = await openExistingDatabase(loadConfig());
  try {
    await migrate(db, loadMigrations(migrationSources)); // as `start` would: the import needs the current schema
    const total = await countLines(file, opts.limit ?? Infinity);
    const started = performance.now();
    let progress: ReturnType<typeof progressReporter> | null = null;
    const summary = await importAppealsFile(db, file, {
      ...opts,
      ctxFor: (tx: Sql, tenant: Tenant) => cliCtx(tx, 'import', tenant),
      onProgress: (p) => (progress ??= progressReporter(total, started)).update(p),
    }).finally(() => progress?.stop());
    summarize(file, opts.municipality, summary);
  } finally {
    await db.close();
  }
}

export function registerImportCommand(program: Command): void {
  const imp = program.command('import').description('Load data from other systems into a municipality');
  imp
    .command('appeals')
    .description(
      'Import appeals from a JSON-lines file (gzip by extension) into a municipality: each becomes an appeal with ' +
        'its real dates, status history and answers. Idempotent and resumable: a re-run imports nothing twice.',
    )
    .argument('<file>', 'the data set, e.g. spb-appeals.jsonl.gz')
    .addOption(
      new Option('--format <format>', 'the file’s format (spb: St. Petersburg city portal)')
        .choices([...IMPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .requiredOption('--municipality <slug>', 'the municipality to import into')
    .option(
      '--service <slug>',
      'the service instance to file under (installed when missing; default: city-portal)',
    )
    .option('--limit <n>', 'read only the first N lines', positive('--limit'))
    .option(
      '--batch-size <n>',
      `lines per transaction (default ${DEFAULT_BATCH_SIZE})`,
      positive('--batch-size'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  zemstvo import appeals --format spb data/samples/spb-appeals-sample.jsonl.gz --municipality zarechny\n' +
        '  zemstvo import appeals --format spb spb.jsonl.gz --municipality zarechny --limit 1000\n' +
        '\nInvalid lines are listed with their number and skipped; the summary counts imported, already\n' +
        'present and invalid lines. An interrupted import keeps its committed batches: run it again.',
    )
    .action(action(importAppealsCommand));
}
