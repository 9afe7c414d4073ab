/**
 * CityScore (after Boston's): each metric is compared with its target, score = actual / target,
 * inverted where lower is better (answer days), so a score above 1 means better than the target.
 * A window's score is the mean of its metrics' scores. Each score is capped at 2 so that one metric
 * far above target cannot hide the others.
 */
export const WINDOWS = [
  { key: 'day', days: 1 },
  { key: 'week', days: 7 },
  { key: 'month', days: 30 },
  { key: 'quarter', days: 90 },
] as const;
export type WindowKey = (typeof WINDOWS)[number]['key'];

export const METRICS = ['on_time', 'answer_days', 'satisfaction', 'backlog'] as const;
export type MetricKey = (typeof METRICS)[number];

export interface Targets {
  /** Share of answers given by their due date. */
  onTimeShare: number;
  /** Median days from receipt to answer (lower is better). */
  answerDays: number;
  /** Mean applicant rating, 1..5. */
  rating: number;
  /** Share of open cases still within their deadline. */
  backlogWithinShare: number;
}

/** Defaults until a municipality sets its own: 59-FZ's 30 days halved, 95 % on time, 4 of 5 stars. */
export const DEFAULT_TARGETS: Targets = {
  onTimeShare: 0.95,
  answerDays: 15,
  rating: 4,
  backlogWithinShare: 0.9,
};

export const SCORE_CAP = 2;

export interface MetricScore {
  metric: MetricKey;
  actual: number | null;
  target: number;
  score: number | null;
  /** Cases the metric was measured on. */
  n: number;
}

const cap = (x: number) => Math.min(SCORE_CAP, Math.round(x * 1000) / 1000);

/** Score of one metric; null when there is nothing to measure. Answer days below one count as one. */
export function scoreOf(metric: MetricKey, actual: number | null, target: number): number | null {
  if (actual === null) return null;
  if (metric === 'answer_days') return cap(target / Math.max(actual, 1));
  return cap(actual / target);
}

export function metric(metric: MetricKey, actual: number | null, target: number, n: number): MetricScore {
  const a = actual === null ? null : Math.round(actual * 1000) / 1000;
  return { metric, actual: a, target, score: scoreOf(metric, a, target), n };
}

/** The mean of the metrics that have a score (null when none has). */
export function overallScore(metrics: readonly MetricScore[]): number | null {
  const s = metrics.flatMap((m) => (m.score === null ? [] : [m.score]));
  return s.length ? Math.round((s.reduce((x, y) => x + y, 0) / s.length) * 1000) / 1000 : null;
}
