import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { badRequest } from '@zemstvo/kernel';
import { forecastGroups, TOTAL_GROUP, type BacktestResult } from '@zemstvo/forecast';
import { readJsonLines, writeJsonLines } from '@zemstvo/routing';
import { action, print } from '../run.ts';
import { integerIn } from './routing.ts';

/**
 * `zemstvo forecast`: weekly volume per category (or theme, district, …) of a JSON-lines file
 * of appeals, several weeks ahead with prediction intervals; the back-test against the
 * seasonal-naive forecast goes to standard error. A line needs `created_at` (ISO date-time);
 * appeals without the grouping field are left out and counted.
 */
export const FORECAST_GROUPINGS = [
  'category',
  'reason',
  'district',
  'executor_org',
  'city_object',
  'municipality',
] as const;
export type Grouping = (typeof FORECAST_GROUPINGS)[number];

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export async function readDatedEvents(
  input: string,
  by: Grouping,
  skipInvalid: boolean,
): Promise<{ events: { date: string; group: string }[]; skipped: number; ungrouped: number }> {
  const events: { date: string; group: string }[] = [];
  let skipped = 0;
  let ungrouped = 0;
  for await (const line of readJsonLines(input)) {
    let problem = line.error ?? null;
    const v = line.value as Record<string, unknown> | null;
    if (!problem && (typeof v !== 'object' || v === null || Array.isArray(v))) problem = 'not a JSON object';
    const match = problem ? null : DATE_TIME.exec(typeof v!.created_at === 'string' ? v!.created_at : '');
    if (!problem && !match) problem = '"created_at" is missing or not an ISO date-time';
    if (problem) {
      if (!skipInvalid) throw badRequest('invalid_input_line', `${input}, line ${line.lineNo}: ${problem}`);
      skipped++;
      continue;
    }
    const group = v![by];
    if (typeof group !== 'string' || group.trim() === '') {
      ungrouped++;
      continue;
    }
    events.push({ date: match![1]!, group });
  }
  return { events, skipped, ungrouped };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function formatBacktest(rows: readonly BacktestResult[], by: string, horizon: number): string {
  const f = (x: number, d = 1) => x.toFixed(d).padStart(8);
  const head =
    `${by.slice(0, 40).padEnd(40)} ${'n'.padStart(4)} ${'MAE'.padStart(8)} ${'MAE sn'.padStart(8)} ` +
    `${'MASE'.padStart(8)} ${'MASE sn'.padStart(8)} ${'sMAPE'.padStart(8)} ${'sMAPE sn'.padStart(8)} ${'cover'.padStart(8)}`;
  const lines = rows.map(
    (r) =>
      `${(r.group === TOTAL_GROUP ? '(all)' : r.group).slice(0, 40).padEnd(40)} ${String(r.n).padStart(4)} ` +
      `${f(r.model.mae)} ${f(r.naive.mae)} ${f(r.model.mase, 2)} ${f(r.naive.mase, 2)} ` +
      `${f(r.model.smape, 3)} ${f(r.naive.smape, 3)} ${f(r.model.coverage, 2)}`,
  );
  return [
    `Back-test, rolling origin, 1–${horizon} weeks ahead: model (damped Holt on calendar-adjusted weeks) vs sn = seasonal naive (the last week again);`,
    `n = forecasts compared; cover = share of actual weeks inside the model's interval.`,
    head,
    ...lines,
  ].join('\n');
}

export async function forecastCommand(opts: {
  input: string;
  by: Grouping;
  horizon: number;
  output: string;
  level: number;
  backtest: boolean;
  backtestHorizon: number;
  minTrainWeeks: number;
  backtestOutput?: string;
  skipInvalid?: boolean;
}): Promise<void> {
  const { events, skipped, ungrouped } = await readDatedEvents(
    opts.input,
    opts.by,
    opts.skipInvalid ?? false,
  );
  if (skipped > 0) process.stderr.write(`zemstvo: ${skipped} invalid line(s) of ${opts.input} skipped\n`);
  if (ungrouped > 0) process.stderr.write(`zemstvo: ${ungrouped} appeal(s) without ${opts.by} left out\n`);
  if (events.length === 0)
    throw badRequest('no_events', `${opts.input} has no dated appeals with ${opts.by}`);
  const result = forecastGroups(events, {
    horizon: opts.horizon,
    level: opts.level,
    ...(opts.backtest
      ? { backtest: { horizon: opts.backtestHorizon, minTrainWeeks: opts.minTrainWeeks } }
      : {}),
  });
  if (result.weeksObserved < 3)
    throw badRequest(
      'too_little_history',
      `${opts.input} covers ${result.weeksObserved} complete week(s) (${result.window.from} … ${result.window.to}); a forecast needs at least 3`,
    );
  const out = writeJsonLines(opts.output);
  let lines = 0;
  for (const g of result.forecasts)
    for (const w of g.weeks) {
      await out.write({
        [opts.by]: g.group,
        week_start: w.weekStart,
        forecast: round1(w.forecast),
        lo: round1(w.lo),
        hi: round1(w.hi),
      });
      lines++;
    }
  await out.close();
  if (opts.backtest) {
    if (result.backtests.every((b) => b.n === 0))
      process.stderr.write(
        `zemstvo: no back-test: ${result.weeksObserved} complete weeks, the back-test needs more than ${opts.minTrainWeeks}\n`,
      );
    else process.stderr.write(`${formatBacktest(result.backtests, opts.by, opts.backtestHorizon)}\n`);
    if (opts.backtestOutput) {
      try {
        writeFileSync(opts.backtestOutput, `${JSON.stringify(result.backtests, null, 2)}\n`);
      } catch (e) {
        throw badRequest('output_unwritable', `Cannot write ${opts.backtestOutput}: ${(e as Error).message}`);
      }
    }
  }
  print(
    `${lines} forecasts (${result.forecasts.length} × ${opts.horizon} weeks from ${result.forecasts[0]?.weeks[0]?.weekStart}, ` +
      `${Math.round(opts.level * 100)} % intervals) from ${result.weeksObserved} complete weeks ` +
      `(${result.window.from} … ${result.window.to}) → ${opts.output}`,
  );
}

export function levelArgument(value: string): number {
  const n = Number(value);
  if (!(n >= 0.5 && n <= 0.999))
    throw new InvalidArgumentError('A coverage between 0.5 and 0.999 is needed, e.g. 0.9.');
  return n;
}

/** `zemstvo forecast` */
export function registerForecastCommand(program: Command): void {
  program
    .command('forecast')
    .description(
      'Forecast weekly incoming appeals per category (or theme, district…) with prediction intervals',
    )
    .requiredOption(
      '-i, --input <file>',
      'appeals, JSON lines (.jsonl or .jsonl.gz) with created_at and the --by field',
    )
    .addOption(
      new Option('--by <field>', 'what to forecast per').choices(FORECAST_GROUPINGS).default('category'),
    )
    .addOption(new Option('--horizon <weeks>', 'weeks ahead').argParser(integerIn(1, 52)).default(12))
    .requiredOption('-o, --output <file>', 'forecasts to write, JSON lines: one per group and week')
    .addOption(
      new Option('--level <p>', 'nominal coverage of the intervals').argParser(levelArgument).default(0.9),
    )
    .option(
      '--no-backtest',
      'skip the back-test against the seasonal-naive forecast (printed to standard error)',
    )
    .addOption(
      new Option('--backtest-horizon <weeks>', 'weeks ahead compared in the back-test')
        .argParser(integerIn(1, 26))
        .default(4),
    )
    .addOption(
      new Option('--min-train-weeks <weeks>', 'weeks of history before the first back-test origin')
        .argParser(integerIn(2, 104))
        .default(8),
    )
    .option('--backtest-output <file>', 'also write the back-test as JSON')
    .option('--skip-invalid', 'leave invalid lines out (counted) instead of stopping at the first one')
    .addHelpText(
      'after',
      '\nEach output line: {"category":…, "week_start":"YYYY-MM-DD", "forecast":…, "lo":…, "hi":…} (weeks start on Monday)\n' +
        'Example:\n  zemstvo forecast --input appeals.jsonl.gz --by category --horizon 12 --output forecast.jsonl',
    )
    .action(action(forecastCommand));
}
