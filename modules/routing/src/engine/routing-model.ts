import { fitTemperature } from './calibration.ts';
import { compactHead, headLogits, topIndices, type CompactHead } from './compact-head.ts';
import { ExecutorPrior } from './executor-prior.ts';
import { executorName, executorPattern } from './executor-names.ts';
import {
  DEFAULT_FEATURE_CONFIG,
  Idf,
  rawFeatures,
  weightFeatures,
  type FeatureConfig,
  type RoutingInput,
} from './featurizer.ts';
import { softmaxInPlace, trainSoftmax, type SgdOptions, type SoftmaxWeights } from './softmax-regression.ts';
import type { SparseVector } from './sparse.ts';

/** An appeal with the answers the router learns: any of them may be unknown (null). */
export interface RoutingExample {
  input: RoutingInput;
  category: string | null;
  reason: string | null;
  executor: string | null;
}

export const HEADS = ['category', 'reason', 'executor'] as const;
export type HeadName = (typeof HEADS)[number];

export interface Suggestion {
  label: string;
  /** Calibrated probability that this suggestion is the right one. */
  confidence: number;
}

export type RoutingSuggestions = Record<HeadName, Suggestion[]>;

export interface TrainOptions {
  features: FeatureConfig;
  sgd: Record<HeadName, SgdOptions>;
  /** Weights below this share of the largest one are dropped from the model. */
  prune: number;
  /** Weight of the theme × district executor prior next to the executor head (0: off). */
  priorWeight: number;
  /** Pseudo-count of the prior's smoothing towards the theme's city-wide counts. */
  priorSmoothing: number;
  /**
   * Fit each head's softmax temperature on the latest `holdout` share of the examples (the model
   * is trained on the rest first, then trained `fineTuneEpochs` more epochs on all examples).
   */
  calibrate: boolean;
  holdout: number;
  fineTuneEpochs: number;
}

const sgd = (learningRate: number): SgdOptions => ({
  epochs: 5,
  learningRate,
  l2: 1e-6,
  seed: 1,
  minGradient: 3e-3,
});

/** Chosen on a validation split inside the training months (train 18 Oct–30 Nov 2020, check December). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: DEFAULT_FEATURE_CONFIG,
  sgd: { category: sgd(1), reason: sgd(1), executor: sgd(0.5) },
  prune: 0.002,
  priorWeight: 1,
  priorSmoothing: 1,
  calibrate: true,
  holdout: 0.1,
  fineTuneEpochs: 1,
};

export interface TrainingReport {
  examples: number;
  labelled: Record<HeadName, number>;
  classes: Record<HeadName, number>;
  temperatures: Record<HeadName, number>;
  /** Weights kept in each head's compact form. */
  weights: Record<HeadName, number>;
  /** Milliseconds: features (extraction and weighting), calibration (training on the earlier appeals and
   * the temperatures), the (final) fit, in all. */
  timings: { features: number; calibration: number; fit: number };
  milliseconds: number;
  /** Processor time of the training (user + system), which a busy machine does not inflate. */
  cpuMilliseconds: number;
}

/** Training features: the IDF of the texts and every appeal's weighted vector (raw counts freed on return). */
function featurize(
  inputs: readonly RoutingInput[],
  config: FeatureConfig,
): { idf: Idf; vectors: SparseVector[] } {
  const raw = inputs.map((input) => rawFeatures(input, config));
  const idf = Idf.fit(
    raw.map((r) => r.text),
    config.bits,
  );
  return { idf, vectors: raw.map((r) => weightFeatures(r, idf, config)) };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** The label of each head for an example (executors as patterns of the district). */
function labelOf(e: RoutingExample, head: HeadName): string | null {
  if (head === 'executor') return e.executor ? executorPattern(e.executor, e.input.district) : null;
  return e[head];
}

/** Labels by falling frequency (ties by name), and each example's label index (−1: none). */
function encodeLabels(
  examples: readonly RoutingExample[],
  head: HeadName,
): { labels: string[]; y: Int32Array } {
  const counts = new Map<string, number>();
  for (const e of examples) {
    const l = labelOf(e, head);
    if (l !== null) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const labels = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1));
  const index = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(examples, (e) => {
    const l = labelOf(e, head);
    return l === null ? -1 : index.get(l)!;
  });
  return { labels, y };
}

type Encoded = Record<HeadName, { labels: string[]; y: Int32Array }>;

/** The executor prior counted on the first `n` examples. */
function fitPrior(
  encoded: Encoded,
  districts: readonly (string | null | undefined)[],
  n: number,
  smoothing: number,
) {
  return ExecutorPrior.fit(
    encoded.reason.y.slice(0, n),
    encoded.executor.y.slice(0, n),
    districts.slice(0, n),
    encoded.executor.labels.length,
    smoothing,
  );
}

/** Trains (or, warm, goes on training) each head's weights on the first `n` examples. */
function fitWeights(
  vectors: readonly SparseVector[],
  encoded: Encoded,
  n: number,
  options: TrainOptions,
  dim: number,
  warm?: { from: Record<HeadName, SoftmaxWeights>; epochs: number },
): Record<HeadName, SoftmaxWeights> {
  const xs = n === vectors.length ? vectors : vectors.slice(0, n);
  const out = {} as Record<HeadName, SoftmaxWeights>;
  for (const h of HEADS) {
    const { labels, y } = encoded[h];
    const sgd = warm ? { ...options.sgd[h], epochs: warm.epochs } : options.sgd[h];
    const start = warm ? { from: warm.from[h], epochsDone: options.sgd[h].epochs } : undefined;
    out[h] = trainSoftmax(xs, y.slice(0, n), Math.max(1, labels.length), dim, sgd, start);
  }
  return out;
}

const compactAll = (encoded: Encoded, w: Record<HeadName, SoftmaxWeights>, prune: number) =>
  Object.fromEntries(HEADS.map((h) => [h, compactHead(encoded[h].labels, w[h], prune)])) as Record<
    HeadName,
    CompactHead
  >;

/**
 * The routing model: hashed TF-IDF text features and place indicators shared by three softmax
 * heads (category, theme, executor pattern); the executor head is combined with the theme ×
 * district prior; each head is calibrated by a temperature.
 */
export class RoutingModel {
  constructor(
    readonly features: FeatureConfig,
    readonly idf: Idf,
    readonly heads: Record<HeadName, CompactHead>,
    readonly prior: ExecutorPrior,
    readonly priorWeight: number,
  ) {}

  static train(
    examples: readonly RoutingExample[],
    options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  ): { model: RoutingModel; report: TrainingReport } {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const config = options.features;
    const { idf, vectors } = featurize(
      examples.map((e) => e.input),
      config,
    );
    const districts = examples.map((e) => e.input.district);
    const dim = 1 << config.bits;
    const encoded = Object.fromEntries(HEADS.map((h) => [h, encodeLabels(examples, h)])) as Record<
      HeadName,
      { labels: string[]; y: Int32Array }
    >;
    const featuresDone = performance.now();
    let calibrated = featuresDone;

    // Calibrated: train on the earlier appeals, fit the temperatures on the latest ones, then go
    // on training the same weights on all appeals for `fineTuneEpochs` more epochs.
    const temperatures = { category: 1, reason: 1, executor: 1 };
    const cut = Math.floor(examples.length * (1 - options.holdout));
    let weights: Record<HeadName, SoftmaxWeights>;
    if (options.calibrate && cut >= 20 && examples.length - cut >= 10) {
      weights = fitWeights(vectors, encoded, cut, options, dim);
      const early = new RoutingModel(
        config,
        idf,
        compactAll(encoded, weights, options.prune),
        fitPrior(encoded, districts, cut, options.priorSmoothing),
        options.priorWeight,
      );
      const logits = {
        category: [] as Float64Array[],
        reason: [] as Float64Array[],
        executor: [] as Float64Array[],
      };
      const truth = { category: [] as number[], reason: [] as number[], executor: [] as number[] };
      for (let i = cut; i < examples.length; i++) {
        const l = early.logits(vectors[i]!, districts[i]);
        for (const h of HEADS)
          if (encoded[h].y[i]! >= 0) {
            logits[h].push(l[h]);
            truth[h].push(encoded[h].y[i]!);
          }
      }
      for (const h of HEADS) temperatures[h] = fitTemperature(logits[h], truth[h]);
      calibrated = performance.now();
      weights = fitWeights(vectors, encoded, examples.length, options, dim, {
        from: weights,
        epochs: options.fineTuneEpochs,
      });
    } else {
      calibrated = performance.now();
      weights = fitWeights(vectors, encoded, examples.length, options, dim);
    }
    const heads = compactAll(encoded, weights, options.prune);
    const prior = fitPrior(encoded, districts, examples.length, options.priorSmoothing);
    for (const h of HEADS) heads[h].temperature = temperatures[h];
    const done = performance.now();
    const count = (h: HeadName) => encoded[h].y.reduce((n, v) => n + (v >= 0 ? 1 : 0), 0);
    const report: TrainingReport = {
      examples: examples.length,
      labelled: { category: count('category'), reason: count('reason'), executor: count('executor') },
      classes: {
        category: encoded.category.labels.length,
        reason: encoded.reason.labels.length,
        executor: encoded.executor.labels.length,
      },
      temperatures,
      weights: {
        category: heads.category.q.length,
        reason: heads.reason.q.length,
        executor: heads.executor.q.length,
      },
      timings: {
        features: featuresDone - started,
        calibration: calibrated - featuresDone,
        fit: done - calibrated,
      },
      milliseconds: done - started,
      cpuMilliseconds: cpuMs(process.cpuUsage(cpuStarted)),
    };
    return { model: new RoutingModel(config, idf, heads, prior, options.priorWeight), report };
  }

  vectorize(input: RoutingInput): SparseVector {
    return weightFeatures(rawFeatures(input, this.features), this.idf, this.features);
  }

  /**
   * Uncalibrated scores of each head. The executor's are log P(pattern | text, place) plus
   * `priorWeight` × log P(pattern | theme distribution, district).
   */
  logits(x: SparseVector, district: string | null | undefined): Record<HeadName, Float64Array> {
    const category = headLogits(this.heads.category, x);
    const reason = headLogits(this.heads.reason, x);
    const executor = headLogits(this.heads.executor, x);
    softmaxInPlace(executor);
    if (this.priorWeight > 0 && this.heads.reason.labels.length > 0) {
      const pr = Float64Array.from(reason);
      softmaxInPlace(pr);
      const prior = this.prior.mix(pr, district);
      for (let e = 0; e < executor.length; e++)
        executor[e] = Math.log(executor[e]! + 1e-12) + this.priorWeight * Math.log(prior[e]! + 1e-12);
    } else for (let e = 0; e < executor.length; e++) executor[e] = Math.log(executor[e]! + 1e-12);
    return { category, reason, executor };
  }

  /** The k best suggestions of each head, best first, with calibrated confidences. */
  predict(input: RoutingInput, k = 3): RoutingSuggestions {
    const scores = this.logits(this.vectorize(input), input.district);
    const out = {} as RoutingSuggestions;
    for (const name of HEADS) {
      const head = this.heads[name];
      const p = scores[name];
      softmaxInPlace(p, head.temperature);
      if (name !== 'executor') {
        out[name] = topIndices(p, k).map((i) => ({ label: head.labels[i]!, confidence: p[i]! }));
        continue;
      }
      // Patterns become names in the appeal's district; two patterns naming the same body add up.
      const byName = new Map<string, number>();
      for (const i of topIndices(p, k + 3)) {
        const n = executorName(head.labels[i]!, input.district);
        if (n !== null) byName.set(n, (byName.get(n) ?? 0) + p[i]!);
      }
      out.executor = [...byName]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([label, confidence]) => ({ label, confidence }));
    }
    return out;
  }
}
