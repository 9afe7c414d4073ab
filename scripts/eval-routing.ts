/**
 * Measures the routing engine and the forecast on the full St. Petersburg data set (30,506
 * appeals, 18 Oct 2020 – 31 Jan 2021), the figures of docs/routing.md. Not part of `npm test`
 * (the data set lives outside the repository). Run:
 *   npx tsx scripts/eval-routing.ts [--input FILE.jsonl.gz] [--ablations] [--json-output FILE]
 * Prints: the validation split the settings were chosen on (train 18 Oct – 30 Nov, test
 * December), the time split (train 18 Oct – 31 Dec 2020, test January 2021) with top-1 and top-3
 * accuracy, calibration, prediction latency, training time and model size; training on all
 * appeals; with --ablations, the same split without parts of the model; the forecast back-test.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import {
  chronological,
  DEFAULT_TRAIN_OPTIONS,
  evaluateTimeSplit,
  HEADS,
  loadAppeals,
  RoutingModel,
  serializeModel,
  splitByDate,
  toExamples,
  type AppealRecord,
  type TimeSplitReport,
  type TrainOptions,
} from '@zemstvo/routing';
import { forecastGroups } from '@zemstvo/forecast';
import { formatBacktest } from '../apps/cli/src/commands/forecast.ts';
import { formatTimeSplitReport } from '../apps/cli/src/commands/routing.ts';

const DEFAULT_INPUT = '/work/shared/datasets/spb-appeals-2020-10_2021-01.jsonl.gz';

function majority(
  train: AppealRecord[],
  test: AppealRecord[],
  f: 'category' | 'reason' | 'executorOrg',
): number {
  const counts = new Map<string, number>();
  for (const r of train) if (r[f]) counts.set(r[f], (counts.get(r[f]) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const known = test.filter((r) => r[f] !== null);
  return known.filter((r) => r[f] === top).length / Math.max(1, known.length);
}

function latency(model: RoutingModel, test: AppealRecord[]): { p50: number; p99: number; mean: number } {
  const times: number[] = [];
  for (const r of test) {
    const t = performance.now();
    model.predict(r, 3);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

function split(records: AppealRecord[], date: string, options: TrainOptions = DEFAULT_TRAIN_OPTIONS) {
  const { report, model } = evaluateTimeSplit(records, date, options);
  const bytes = serializeModel(model, {
    trainedAt: new Date().toISOString(),
    examples: report.train.rows,
    period: { from: report.train.from, to: report.train.to },
  }).length;
  return { report, model, bytes };
}

const brief = (r: TimeSplitReport) =>
  HEADS.map(
    (h) => `${h} ${(100 * r.heads[h].top1).toFixed(1)} % (top-3 ${(100 * r.heads[h].top3).toFixed(1)} %)`,
  ).join(', ');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: DEFAULT_INPUT },
      ablations: { type: 'boolean', default: false },
      'json-output': { type: 'string' },
    },
  });
  const out: Record<string, unknown> = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
  };
  console.log(`Machine: ${out.machine as string}`);
  const { records } = await loadAppeals(values.input!);
  console.log(`${records.length} appeals from ${values.input}\n`);

  // 1. The validation split the settings were chosen on (January never looked at).
  const december = records.filter((r) => r.createdAt! < '2021-01-01');
  const validation = split(december, '2020-12-01');
  console.log('Validation split (settings chosen here):');
  console.log(formatTimeSplitReport(validation.report, validation.bytes), '\n');
  out.validation = { ...validation.report, modelBytes: validation.bytes };

  // 2. The time split of the targets.
  const main = split(records, '2021-01-01');
  const [train, test] = splitByDate(records, '2021-01-01');
  console.log('Time split (targets: category ≥ 0.93, theme ≥ 0.75, executor ≥ 0.78; < 5 ms per appeal):');
  console.log(formatTimeSplitReport(main.report, main.bytes));
  const lat = latency(main.model, test);
  const base = {
    category: majority(train, test, 'category'),
    reason: majority(train, test, 'reason'),
    executor: majority(train, test, 'executorOrg'),
  };
  console.log(
    `Latency per appeal, one at a time: median ${lat.p50.toFixed(3)} ms, p99 ${lat.p99.toFixed(3)} ms.`,
  );
  console.log(
    `Majority-answer baseline: ${HEADS.map((h) => `${h} ${(100 * base[h]).toFixed(1)} %`).join(', ')}.\n`,
  );
  out.timeSplit = { ...main.report, modelBytes: main.bytes, latency: lat, majorityBaseline: base };

  // 3. Training on everything, as `zemstvo routing train` does.
  const all = RoutingModel.train(toExamples(chronological(records)));
  const allBytes = serializeModel(all.model, {
    trainedAt: new Date().toISOString(),
    examples: records.length,
    period: { from: null, to: null },
  }).length;
  console.log(
    `Training on all ${records.length} appeals: ${(all.report.milliseconds / 1000).toFixed(1)} s ` +
      `(${(all.report.cpuMilliseconds / 1000).toFixed(1)} s of processor time; features ${(all.report.timings.features / 1000).toFixed(1)} s, ` +
      `calibration run ${(all.report.timings.calibration / 1000).toFixed(1)} s, final fit ${(all.report.timings.fit / 1000).toFixed(1)} s); ` +
      `model file ${(allBytes / 1048576).toFixed(2)} MB, ${Object.values(all.report.weights).reduce((a, b) => a + b, 0)} weights.\n`,
  );
  out.trainAll = { ...all.report, modelBytes: allBytes };

  // 4. What each part of the model brings (same time split).
  if (values.ablations) {
    const variants: [string, TrainOptions][] = [
      ['no executor prior', { ...DEFAULT_TRAIN_OPTIONS, priorWeight: 0 }],
      [
        'no character n-grams',
        { ...DEFAULT_TRAIN_OPTIONS, features: { ...DEFAULT_TRAIN_OPTIONS.features, charGrams: [] } },
      ],
      [
        'no place features',
        { ...DEFAULT_TRAIN_OPTIONS, features: { ...DEFAULT_TRAIN_OPTIONS.features, placeWeight: 0 } },
      ],
      ['no calibration', { ...DEFAULT_TRAIN_OPTIONS, calibrate: false }],
    ];
    const ablations: Record<string, unknown> = {};
    console.log('Ablations (same time split):');
    for (const [name, options] of variants) {
      const v = split(records, '2021-01-01', options);
      const ece = HEADS.map((h) => `${h} ${v.report.heads[h].ece.toFixed(3)}`).join(', ');
      console.log(`  ${name}: ${brief(v.report)}; ECE ${ece}`);
      ablations[name] = v.report.heads;
    }
    console.log('');
    out.ablations = ablations;
  }

  // 5. The forecast back-test per category.
  const fc = forecastGroups(
    records.map((r) => ({ date: r.createdAt!.slice(0, 10), group: r.category ?? '(none)' })),
    { horizon: 12, level: 0.9, backtest: { horizon: 4, minTrainWeeks: 8 } },
  );
  console.log(formatBacktest(fc.backtests, 'category', 4));
  out.forecast = {
    window: fc.window,
    weeksObserved: fc.weeksObserved,
    profile: fc.profile,
    backtests: fc.backtests,
  };

  if (values['json-output']) writeFileSync(values['json-output'], `${JSON.stringify(out, null, 2)}\n`);
}

await main();
