import { softmaxInPlace } from './softmax-regression.ts';

/**
 * Temperature scaling (Guo et al., 2017): the one number T that makes softmax(logits / T) best
 * calibrated, i.e. minimises the negative log-likelihood of held-out labels. Found by golden-
 * section search on log T in [1/8, 8]; the ranking of classes does not change.
 */
export function negativeLogLikelihood(
  logits: readonly Float64Array[],
  labels: readonly number[],
  t: number,
): number {
  let nll = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = Float64Array.from(logits[i]!);
    softmaxInPlace(p, t);
    nll -= Math.log(Math.max(p[labels[i]!]!, 1e-12));
  }
  return nll / Math.max(1, logits.length);
}

export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
  if (logits.length === 0) return 1;
  const f = (logT: number) => negativeLogLikelihood(logits, labels, Math.exp(logT));
  let a = Math.log(1 / 8);
  let b = Math.log(8);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 40; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return Math.exp((a + b) / 2);
}

/**
 * Expected calibration error: the mean gap between confidence and accuracy over 10 equal-width
 * confidence bins, weighted by how many predictions fall in each.
 */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  const sumConf = new Float64Array(bins);
  const sumAcc = new Float64Array(bins);
  const count = new Float64Array(bins);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sumConf[b]! += c;
    sumAcc[b]! += correct[i] ? 1 : 0;
    count[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) ece += Math.abs(sumConf[b]! - sumAcc[b]!);
  return ece / Math.max(1, confidences.length);
}
