import { badRequest } from '@zemstvo/kernel';
import type { AppealRecord } from '../dataset/appeal-record.ts';
import { expectedCalibrationError } from '../engine/calibration.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  HEADS,
  RoutingModel,
  type HeadName,
  type RoutingExample,
  type TrainOptions,
  type TrainingReport,
} from '../engine/routing-model.ts';

/**
 * Quality of the router measured as it will be used: trained on the appeals before a date,
 * asked about the appeals from that date on.
 */
export interface HeadScore {
  /** Test appeals with a known answer for this head. */
  n: number;
  top1: number;
  top3: number;
  /** Expected calibration error of the top-1 confidence (0 = perfectly calibrated). */
  ece: number;
}

export interface TimeSplitReport {
  splitDate: string;
  train: { rows: number; from: string | null; to: string | null };
  test: { rows: number; from: string | null; to: string | null };
  heads: Record<HeadName, HeadScore>;
  training: TrainingReport;
  msPerPrediction: number;
}

/**
 * Training examples of records. The executor is the record's `executor_org`; when it is empty
 * (cases still in work) and `executorFromAnswers` is on, the organisation that answered last,
 * which in the St. Petersburg data equals `executor_org` wherever both are present.
 */
export function toExamples(records: readonly AppealRecord[], executorFromAnswers = true): RoutingExample[] {
  return records.map((r) => ({
    input: r,
    category: r.category,
    reason: r.reason,
    executor: r.executorOrg ?? (executorFromAnswers ? r.answerOrg : null),
  }));
}

/** Records ordered by creation time (stable; records without a time keep their place at the start). */
export function chronological(records: readonly AppealRecord[]): AppealRecord[] {
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.createdAt ?? '').localeCompare(b.r.createdAt ?? '') || a.i - b.i)
    .map(({ r }) => r);
}

const truthOf = (r: AppealRecord, head: HeadName): string | null =>
  head === 'executor' ? r.executorOrg : head === 'category' ? r.category : r.reason;

export function splitByDate(
  records: readonly AppealRecord[],
  splitDate: string,
): [AppealRecord[], AppealRecord[]] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(splitDate))
    throw badRequest('bad_split_date', 'The split date must be YYYY-MM-DD');
  const dated = chronological(records.filter((r) => r.createdAt !== null));
  return [dated.filter((r) => r.createdAt! < splitDate), dated.filter((r) => r.createdAt! >= splitDate)];
}

export function evaluateTimeSplit(
  records: readonly AppealRecord[],
  splitDate: string,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): { report: TimeSplitReport; model: RoutingModel } {
  const [train, test] = splitByDate(records, splitDate);
  if (train.length === 0 || test.length === 0)
    throw badRequest(
      'empty_split',
      `Splitting at ${splitDate} leaves ${train.length} appeals to train on and ${test.length} to test`,
    );
  const { model, report: training } = RoutingModel.train(toExamples(train), options);

  const stats = Object.fromEntries(
    HEADS.map((h) => [h, { n: 0, top1: 0, top3: 0, conf: [] as number[], ok: [] as boolean[] }]),
  );
  const started = performance.now();
  const predictions = test.map((r) => model.predict(r, 3));
  const msPerPrediction = (performance.now() - started) / test.length;
  test.forEach((r, i) => {
    for (const h of HEADS) {
      const truth = truthOf(r, h);
      if (truth === null) continue;
      const s = stats[h]!;
      const top = predictions[i]![h];
      s.n++;
      const hit = top[0]?.label === truth;
      if (hit) s.top1++;
      if (top.some((t) => t.label === truth)) s.top3++;
      s.conf.push(top[0]?.confidence ?? 0);
      s.ok.push(hit);
    }
  });
  const heads = Object.fromEntries(
    HEADS.map((h) => {
      const s = stats[h]!;
      return [
        h,
        {
          n: s.n,
          top1: s.top1 / Math.max(1, s.n),
          top3: s.top3 / Math.max(1, s.n),
          ece: expectedCalibrationError(s.conf, s.ok),
        },
      ];
    }),
  ) as Record<HeadName, HeadScore>;
  const period = (rs: AppealRecord[]) => ({
    rows: rs.length,
    from: rs[0]?.createdAt ?? null,
    to: rs.at(-1)?.createdAt ?? null,
  });
  return {
    report: { splitDate, train: period(train), test: period(test), heads, training, msPerPrediction },
    model,
  };
}
