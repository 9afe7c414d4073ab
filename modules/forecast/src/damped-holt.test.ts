import { describe, expect, it } from 'vitest';
import { fitDampedHolt, holtForecast, holtVariance } from './damped-holt.ts';
import { normalQuantile, studentQuantile } from './normal.ts';

describe('damped Holt', () => {
  it('forecasts a constant series as that constant with no error', () => {
    const fit = fitDampedHolt([50, 50, 50, 50, 50, 50, 50, 50]);
    expect(holtForecast(fit, 3)).toEqual([50, 50, 50]);
    expect(fit.sigma2).toBe(0);
  });

  it('follows a linear trend and damps it further ahead', () => {
    const y = Array.from({ length: 16 }, (_, t) => 100 + 10 * t);
    const fit = fitDampedHolt(y);
    const f = holtForecast(fit, 12);
    expect(f[0]!).toBeGreaterThan(250 - 10);
    expect(f[0]!).toBeLessThan(250 + 10);
    const steps = f.slice(1).map((v, i) => v - f[i]!);
    expect(steps.every((s) => s > 0)).toBe(true);
    expect(steps.at(-1)!).toBeLessThan(steps[0]!); // damped: the slope shrinks
  });

  it('has the variance of a random walk when α = 1 and there is no trend', () => {
    const fit = { alpha: 1, beta: 0, phi: 1, level: 0, trend: 0, sigma2: 4, dof: 10, residuals: [] };
    expect(holtVariance(fit, 4)).toEqual([4, 8, 12, 16]);
  });

  it('normal quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 5);
    expect(studentQuantile(0.95, 10)).toBeCloseTo(1.812461, 2);
    expect(studentQuantile(0.975, 20)).toBeCloseTo(2.085963, 3);
    expect(studentQuantile(0.95, Infinity)).toBeCloseTo(1.644854, 5);
  });
});
