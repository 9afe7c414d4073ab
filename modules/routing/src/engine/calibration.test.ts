import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, fitTemperature, negativeLogLikelihood } from './calibration.ts';
import { prng, softmaxInPlace } from './softmax-regression.ts';

/** Logits `z` and labels drawn from softmax(z / trueT): what an over- or under-confident model would see. */
function synthetic(trueT: number, n: number, seed: number): { logits: Float64Array[]; labels: number[] } {
  const random = prng(seed);
  const logits: Float64Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = Float64Array.from({ length: 5 }, () => 4 * random());
    const p = Float64Array.from(z);
    softmaxInPlace(p, trueT);
    let u = random();
    let y = 0;
    while (y < 4 && u > p[y]!) u -= p[y++]!;
    logits.push(z);
    labels.push(y);
  }
  return { logits, labels };
}

describe('temperature scaling', () => {
  it.each([0.5, 1, 2])('recovers the temperature %s that generated the labels', (t) => {
    const { logits, labels } = synthetic(t, 4000, 7);
    expect(fitTemperature(logits, labels)).toBeCloseTo(t, 0);
    expect(Math.abs(Math.log(fitTemperature(logits, labels) / t))).toBeLessThan(0.15);
  });

  it('the fitted temperature has a lower held-out log-loss than none', () => {
    const train = synthetic(2, 3000, 1);
    const test = synthetic(2, 3000, 2);
    const t = fitTemperature(train.logits, train.labels);
    expect(negativeLogLikelihood(test.logits, test.labels, t)).toBeLessThan(
      negativeLogLikelihood(test.logits, test.labels, 1),
    );
  });

  it('expected calibration error is 0 when confidence equals accuracy and large when it does not', () => {
    const conf = Array.from({ length: 10 }, () => 0.75);
    const ok = [true, true, true, false, true, true, true, false, true, false];
    expect(expectedCalibrationError(conf, ok)).toBeCloseTo(0.05, 6);
    expect(expectedCalibrationError([0.99, 0.99], [false, false])).toBeCloseTo(0.99, 6);
  });
});
