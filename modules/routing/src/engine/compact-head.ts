import { softmaxInPlace, type SoftmaxWeights } from './softmax-regression.ts';
import type { SparseVector } from './sparse.ts';

/**
 * A trained classifier head in compact form: weights below a threshold dropped, the rest
 * rounded to 16-bit steps of `step`, stored per feature bucket (CSR: `rowStart`, `cls`, `val`).
 * Training ends with this form, so a model read back from its file predicts exactly as the
 * model that was trained.
 */
export interface CompactHead {
  labels: string[];
  dim: number;
  bias: Float32Array;
  rowStart: Int32Array;
  cls: Uint16Array;
  /** Quantised weights: the weight is `Math.fround(q * step)`. */
  q: Int16Array;
  step: number;
  val: Float32Array;
  /** Softmax temperature fitted on held-out appeals (1 when not calibrated). */
  temperature: number;
}

/** Makes the compact form; weights with |w| < `prune` × max|w| are dropped. */
export function compactHead(labels: string[], model: SoftmaxWeights, prune: number): CompactHead {
  const { classes, dim, weights } = model;
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const threshold = prune * max;
  const step = max > 0 ? max / 32767 : 1;
  const rowStart = new Int32Array(dim + 1);
  let n = 0;
  for (let b = 0; b < dim; b++) {
    rowStart[b] = n;
    for (let k = 0; k < classes; k++) {
      const w = weights[b * classes + k]!;
      if (Math.abs(w) >= threshold && Math.round(w / step) !== 0) n++;
    }
  }
  rowStart[dim] = n;
  const cls = new Uint16Array(n);
  const q = new Int16Array(n);
  let p = 0;
  for (let b = 0; b < dim; b++)
    for (let k = 0; k < classes; k++) {
      const w = weights[b * classes + k]!;
      const r = Math.round(w / step);
      if (Math.abs(w) >= threshold && r !== 0) {
        cls[p] = k;
        q[p] = r;
        p++;
      }
    }
  return withValues({ labels, dim, bias: model.bias, rowStart, cls, q, step, temperature: 1 });
}

/** Adds the dequantised weights (the one place they are computed, for training and loading alike). */
export function withValues(head: Omit<CompactHead, 'val'>): CompactHead {
  const val = new Float32Array(head.q.length);
  for (let i = 0; i < val.length; i++) val[i] = Math.fround(head.q[i]! * head.step);
  return { ...head, val };
}

/** Raw scores (logits) of every class for one example. */
export function headLogits(head: CompactHead, x: SparseVector): Float64Array {
  const out = new Float64Array(head.labels.length);
  for (let k = 0; k < out.length; k++) out[k] = head.bias[k]!;
  for (let j = 0; j < x.idx.length; j++) {
    const b = x.idx[j]!;
    const v = x.val[j]!;
    for (let p = head.rowStart[b]!, end = head.rowStart[b + 1]!; p < end; p++)
      out[head.cls[p]!]! += v * head.val[p]!;
  }
  return out;
}

/** Class probabilities of one example (softmax of the logits at the head's temperature). */
export function headProbabilities(
  head: CompactHead,
  x: SparseVector,
  temperature = head.temperature,
): Float64Array {
  const out = headLogits(head, x);
  softmaxInPlace(out, temperature);
  return out;
}

/** Indices of the k largest values, largest first (ties: lower index first). */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (best.length === k && values[i]! <= values[best[k - 1]!]!) continue;
    let at = best.length < k ? best.length : k - 1;
    best[at] = i;
    while (at > 0 && values[best[at - 1]!]! < values[i]!) {
      best[at] = best[at - 1]!;
      best[at - 1] = i;
      at--;
    }
  }
  return best;
}
