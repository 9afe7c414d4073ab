import type { SparseVector } from './sparse.ts';

/**
 * Multinomial logistic regression over hashed sparse features, trained by stochastic gradient
 * descent on the cross-entropy with L2 regularisation. Weights are laid out feature-major
 * (`weights[bucket * classes + k]`), so scoring an example reads one short row per feature.
 */
export interface SoftmaxWeights {
  classes: number;
  dim: number;
  weights: Float32Array;
  bias: Float32Array;
}

export interface SgdOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Seed of the shuffling: the same data and seed give the same model. */
  seed: number;
  /** Gradient components smaller than this are skipped (a class that is already improbable). */
  minGradient: number;
}

export const DEFAULT_SGD: SgdOptions = { epochs: 5, learningRate: 0.5, l2: 1e-6, seed: 1, minGradient: 1e-3 };

/** Mulberry32: a small deterministic PRNG for shuffling. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw scores (logits) of every class for one example, into `out`. */
export function scoreInto(model: SoftmaxWeights, x: SparseVector, out: Float64Array): void {
  const c = model.classes;
  const w = model.weights;
  for (let k = 0; k < c; k++) out[k] = model.bias[k]!;
  for (let j = 0; j < x.idx.length; j++) {
    const row = x.idx[j]! * c;
    const v = x.val[j]!;
    for (let k = 0; k < c; k++) out[k]! += v * w[row + k]!;
  }
}

/** In place: logits → probabilities (divided by `temperature` first). */
export function softmaxInPlace(scores: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k]! > max) max = scores[k]!;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp((scores[k]! - max) / temperature);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
}

/**
 * Trains on `examples` with class indices `labels` (−1: no label, skipped). The L2 penalty is
 * applied lazily through a common scale of the weight matrix; the learning rate decays as
 * η₀ / (1 + epoch). A warm start continues training the given weights in place (the learning
 * rate goes on decaying from their epoch count). Gradient components below `minGradient` are
 * skipped: once the model is fair, an example updates the weights of its few plausible classes
 * only, which keeps training fast.
 */
export function trainSoftmax(
  examples: readonly SparseVector[],
  labels: Int32Array,
  classes: number,
  dim: number,
  options: SgdOptions = DEFAULT_SGD,
  warmStart?: { from: SoftmaxWeights; epochsDone: number },
): SoftmaxWeights {
  const v = warmStart ? warmStart.from.weights : new Float32Array(dim * classes);
  const bias = warmStart ? warmStart.from.bias : new Float32Array(classes);
  const firstEpoch = warmStart?.epochsDone ?? 0;
  const random = prng(options.seed);
  const order: number[] = [];
  for (let i = 0; i < examples.length; i++) if (labels[i]! >= 0) order.push(i);
  const scores = new Float64Array(classes);
  const active = new Int32Array(classes);
  const grad = new Float64Array(classes);
  const minGradient = options.minGradient;
  let scale = 1;
  for (let epoch = firstEpoch; epoch < firstEpoch + options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const eta = options.learningRate / (1 + epoch);
    for (const i of order) {
      const x = examples[i]!;
      const y = labels[i]!;
      for (let k = 0; k < classes; k++) scores[k] = bias[k]!;
      for (let j = 0; j < x.idx.length; j++) {
        const row = v.subarray(x.idx[j]! * classes, (x.idx[j]! + 1) * classes);
        const xv = x.val[j]! * scale;
        for (let k = 0; k < classes; k++) scores[k]! += xv * row[k]!;
      }
      softmaxInPlace(scores);
      scores[y]! -= 1;
      let nActive = 0;
      for (let k = 0; k < classes; k++) {
        const g = scores[k]!;
        if (g > minGradient || g < -minGradient) {
          active[nActive] = k;
          grad[nActive++] = g;
        }
      }
      scale *= 1 - eta * options.l2;
      const step = eta / scale;
      for (let j = 0; j < x.idx.length; j++) {
        const row = x.idx[j]! * classes;
        const xv = x.val[j]! * step;
        for (let a = 0; a < nActive; a++) v[row + active[a]!]! -= xv * grad[a]!;
      }
      for (let k = 0; k < classes; k++) bias[k]! -= eta * scores[k]!;
      if (scale < 1e-3) {
        for (let q = 0; q < v.length; q++) v[q]! *= scale;
        scale = 1;
      }
    }
  }
  if (scale !== 1) for (let q = 0; q < v.length; q++) v[q]! *= scale;
  return { classes, dim, weights: v, bias };
}
