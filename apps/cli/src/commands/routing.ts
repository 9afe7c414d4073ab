import { InvalidArgumentError, Option, type Command } from 'commander';
import { badRequest } from '@zemstvo/kernel';
import {
  chronological,
  DEFAULT_TRAIN_OPTIONS,
  evaluateTimeSplit,
  HEADS,
  loadAppeals,
  readModelFile,
  RoutingModel,
  serializeModel,
  toExamples,
  writeJsonLines,
  writeModelFile,
  type AppealRecord,
  type LoadedAppeals,
  type RoutingSuggestions,
  type TimeSplitReport,
} from '@zemstvo/routing';
import { action, print } from '../run.ts';

/**
 * `zemstvo routing train | predict | eval`: the routing engine on JSON-lines files of appeals in
 * the shape of the St. Petersburg data set (gzip'd when the name ends with .gz). An invalid line
 * stops the command with its line number (exit 1); with --skip-invalid such lines are left out
 * and counted on standard error.
 */
const warn = (s: string): void => {
  process.stderr.write(`zemstvo: ${s}\n`);
};

export async function readAppeals(input: string, skipInvalid: boolean): Promise<LoadedAppeals> {
  const loaded = await loadAppeals(input, { skipInvalid });
  if (loaded.skipped.length > 0) {
    const first = loaded.skipped[0]!;
    warn(
      `${loaded.skipped.length} invalid line(s) of ${input} skipped (first: line ${first.lineNo}: ${first.error})`,
    );
  }
  return loaded;
}

function period(records: readonly AppealRecord[]) {
  const dated = records
    .map((r) => r.createdAt)
    .filter((d): d is string => d !== null)
    .sort();
  return { from: dated[0] ?? null, to: dated.at(-1) ?? null };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;

export async function routingTrainCommand(opts: {
  input: string;
  output: string;
  skipInvalid?: boolean;
  calibrate: boolean;
}): Promise<void> {
  const { records } = await readAppeals(opts.input, opts.skipInvalid ?? false);
  const labelled = (f: 'category' | 'reason') => records.filter((r) => r[f] !== null).length;
  if (labelled('category') === 0 || labelled('reason') === 0)
    throw badRequest(
      'no_training_labels',
      `${opts.input} has no appeals with a category and a theme (reason) to learn from`,
    );
  const ordered = chronological(records);
  const { model, report } = RoutingModel.train(toExamples(ordered), {
    ...DEFAULT_TRAIN_OPTIONS,
    calibrate: opts.calibrate,
  });
  const bytes = writeModelFile(opts.output, model, {
    trainedAt: new Date().toISOString(),
    examples: records.length,
    period: period(ordered),
  });
  if (report.labelled.executor === 0) warn('no appeal names its executor: the model suggests none');
  print(
    `Routing model written to ${opts.output} (${megabytes(bytes)}): ${records.length} appeals, ` +
      `${report.classes.category} categories, ${report.classes.reason} themes, ${report.classes.executor} executors ` +
      `(${report.labelled.executor} appeals with one); trained in ${seconds(report.milliseconds)} ` +
      `(${seconds(report.cpuMilliseconds)} of processor time).`,
  );
}

/** One output line: the id and the top suggestions of each head, best first. */
export function predictionLine(id: string | number, s: RoutingSuggestions, withConfidence: boolean) {
  const labels = (h: (typeof HEADS)[number]) => s[h].map((x) => x.label);
  const line: Record<string, unknown> = {
    id,
    category: labels('category'),
    reason: labels('reason'),
    executor_org: labels('executor'),
  };
  if (withConfidence) {
    const round = (h: (typeof HEADS)[number]) => s[h].map((x) => Math.round(x.confidence * 1e4) / 1e4);
    line.confidence = {
      category: round('category'),
      reason: round('reason'),
      executor_org: round('executor'),
    };
  }
  return line;
}

export async function routingPredictCommand(opts: {
  model: string;
  input: string;
  output: string;
  top: number;
  confidence?: boolean;
  skipInvalid?: boolean;
}): Promise<void> {
  const { model } = readModelFile(opts.model);
  const { records } = await readAppeals(opts.input, opts.skipInvalid ?? false);
  const out = writeJsonLines(opts.output);
  const started = performance.now();
  for (const r of records)
    await out.write(predictionLine(r.id, model.predict(r, opts.top), opts.confidence ?? false));
  await out.close();
  const ms = records.length > 0 ? (performance.now() - started) / records.length : 0;
  print(
    `${records.length} appeals routed → ${opts.output} (${ms.toFixed(2)} ms per appeal, writing included).`,
  );
}

export function formatTimeSplitReport(r: TimeSplitReport, modelBytes: number): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const rows = HEADS.map((h) => {
    const s = r.heads[h];
    const name = h === 'executor' ? 'executor_org' : h;
    return `  ${name.padEnd(13)} ${String(s.n).padStart(6)}  ${pct(s.top1).padStart(7)}  ${pct(s.top3).padStart(7)}  ${s.ece.toFixed(3)}`;
  });
  return [
    `Time split at ${r.splitDate}: trained on ${r.train.rows} appeals (${r.train.from} … ${r.train.to}),`,
    `tested on ${r.test.rows} appeals (${r.test.from} … ${r.test.to}).`,
    `  ${'head'.padEnd(13)} ${'n'.padStart(6)}  ${'top-1'.padStart(7)}  ${'top-3'.padStart(7)}  ECE`,
    ...rows,
    `Training: ${seconds(r.training.milliseconds)} (${seconds(r.training.cpuMilliseconds)} of processor time); ` +
      `prediction: ${r.msPerPrediction.toFixed(3)} ms per appeal; model file: ${megabytes(modelBytes)}.`,
  ].join('\n');
}

export async function routingEvalCommand(opts: {
  input: string;
  splitDate: string;
  json?: boolean;
  skipInvalid?: boolean;
  saveModel?: string;
}): Promise<void> {
  const { records } = await readAppeals(opts.input, opts.skipInvalid ?? false);
  const { report, model } = evaluateTimeSplit(records, opts.splitDate);
  const metadata = {
    trainedAt: new Date().toISOString(),
    examples: report.train.rows,
    period: { from: report.train.from, to: report.train.to },
  };
  const modelBytes = opts.saveModel
    ? writeModelFile(opts.saveModel, model, metadata)
    : serializeModel(model, metadata).length;
  print(
    opts.json
      ? JSON.stringify({ ...report, modelBytes }, null, 2)
      : formatTimeSplitReport(report, modelBytes),
  );
}

/** Commander parser of a whole number within bounds. */
export function integerIn(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`A whole number from ${min} to ${max} is needed.`);
    return n;
  };
}

export function isoDateArgument(value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== value
  )
    throw new InvalidArgumentError('A date YYYY-MM-DD is needed.');
  return value;
}

const SKIP_HELP = 'leave invalid lines out (counted on standard error) instead of stopping at the first one';

/** `zemstvo routing …` */
export function registerRoutingCommands(program: Command): void {
  const routing = program
    .command('routing')
    .description(
      'Routing intelligence: suggest the category, theme and executor of appeals (train, predict, eval)',
    );
  routing
    .command('train')
    .description('Train a routing model on appeals with known category, theme (reason) and executor')
    .requiredOption(
      '-i, --input <file>',
      'appeals, JSON lines (.jsonl or .jsonl.gz) in the shape of the St. Petersburg data set',
    )
    .requiredOption('-o, --output <model>', 'the model file to write (replaced if it exists)')
    .option('--no-calibrate', 'skip the confidence calibration on the latest 10 % of the appeals (faster)')
    .option('--skip-invalid', SKIP_HELP)
    .addHelpText(
      'after',
      '\nExample:\n  zemstvo routing train --input appeals.jsonl.gz --output routing.model',
    )
    .action(action(routingTrainCommand));
  routing
    .command('predict')
    .description('Suggest category, theme and executor for each appeal: one JSON line per appeal, best first')
    .requiredOption('-m, --model <model>', 'a model file made by `zemstvo routing train`')
    .requiredOption(
      '-i, --input <file>',
      'appeals, JSON lines (.jsonl or .jsonl.gz); only id and text are required',
    )
    .requiredOption(
      '-o, --output <file>',
      'the suggestions to write, JSON lines (gzip when the name ends with .gz)',
    )
    .addOption(new Option('--top <k>', 'suggestions per field').argParser(integerIn(1, 20)).default(3))
    .option('--confidence', 'add each suggestion’s calibrated probability under "confidence"')
    .option('--skip-invalid', SKIP_HELP)
    .addHelpText(
      'after',
      '\nEach output line: {"id":…, "category":[…], "reason":[…], "executor_org":[…]}\n' +
        'Example:\n  zemstvo routing predict --model routing.model --input new.jsonl --output suggestions.jsonl',
    )
    .action(action(routingPredictCommand));
  routing
    .command('eval')
    .description('Measure the router on a time split: train before a date, predict from that date on')
    .requiredOption('-i, --input <file>', 'appeals with created_at, category, reason and executor_org')
    .requiredOption('--split-date <date>', 'first day of the test period, YYYY-MM-DD', isoDateArgument)
    .option('--json', 'print the report as JSON')
    .option('--save-model <model>', 'also write the model trained on the earlier appeals')
    .option('--skip-invalid', SKIP_HELP)
    .addHelpText(
      'after',
      '\nExample:\n  zemstvo routing eval --input spb-appeals.jsonl.gz --split-date 2021-01-01',
    )
    .action(action(routingEvalCommand));
}
