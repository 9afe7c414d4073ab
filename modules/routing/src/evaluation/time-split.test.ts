import { beforeAll, describe, expect, it } from 'vitest';
import { loadAppeals } from '../dataset/load-appeals.ts';
import type { AppealRecord } from '../dataset/appeal-record.ts';
import { SAMPLE_PATH } from '../testing/sample.ts';
import { chronological, evaluateTimeSplit, splitByDate, toExamples } from './time-split.ts';

let records: AppealRecord[];
beforeAll(async () => {
  records = (await loadAppeals(SAMPLE_PATH)).records;
});

/** Accuracy of always answering the most frequent training label. */
function majorityBaseline(
  train: AppealRecord[],
  test: AppealRecord[],
  field: 'category' | 'reason' | 'executorOrg',
) {
  const counts = new Map<string, number>();
  for (const r of train) if (r[field]) counts.set(r[field], (counts.get(r[field]) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const known = test.filter((r) => r[field] !== null);
  return known.filter((r) => r[field] === top).length / known.length;
}

describe('time-split evaluation on the committed sample', { timeout: 120_000 }, () => {
  it('splits by creation time: everything before the date to train on, the rest to test', () => {
    const [train, test] = splitByDate(records, '2021-01-01');
    expect(train.length + test.length).toBe(records.length);
    expect(train.every((r) => r.createdAt! < '2021-01-01')).toBe(true);
    expect(test.every((r) => r.createdAt! >= '2021-01-01')).toBe(true);
    expect(chronological(test)).toEqual(test);
  });

  it('trains on Oct–Dec 2020 and predicts January 2021 far better than the majority answer', () => {
    const { report } = evaluateTimeSplit(records, '2021-01-01');
    const [train, test] = splitByDate(records, '2021-01-01');
    expect(report.train.rows).toBe(train.length);
    expect(report.test).toMatchObject({ rows: test.length, from: test[0]!.createdAt });
    expect(report.heads.executor.n).toBe(test.filter((r) => r.executorOrg !== null).length);
    const fields = { category: 'category', reason: 'reason', executor: 'executorOrg' } as const;
    for (const [head, field] of Object.entries(fields) as [
      keyof typeof fields,
      (typeof fields)[keyof typeof fields],
    ][]) {
      const s = report.heads[head];
      expect(s.top1, head).toBeGreaterThan(majorityBaseline(train, test, field) + 0.3);
      expect(s.top3, head).toBeGreaterThanOrEqual(s.top1);
      expect(s.ece, head).toBeLessThan(0.15);
    }
    // Figures measured on this sample when the model was chosen (3,000 appeals: 2,208 to train on).
    expect(report.heads.category.top1).toBeGreaterThan(0.85);
    expect(report.heads.reason.top1).toBeGreaterThan(0.6);
    expect(report.heads.executor.top1).toBeGreaterThan(0.7);
    expect(report.training.temperatures.reason).not.toBe(1);
  });

  it('learns executors from the last answer when the record names none yet', () => {
    const withoutExecutor = records.filter((r) => r.executorOrg === null && r.answerOrg !== null);
    expect(withoutExecutor.length).toBeGreaterThan(0);
    const examples = toExamples(withoutExecutor);
    expect(examples.every((e, i) => e.executor === withoutExecutor[i]!.answerOrg)).toBe(true);
    expect(toExamples(withoutExecutor, false).every((e) => e.executor === null)).toBe(true);
  });
});
