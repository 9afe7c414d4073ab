/**
 * Holt's linear method with a damped trend (ETS(A,Ad,N), Gardner & McKenzie): level ℓ and trend
 * b, the trend shrinking by φ each step, so a forecast flattens out instead of running away —
 * the honest choice with a few months of history. Parameters are chosen on a small grid by the
 * sum of squared one-step errors; prediction intervals use the model's h-step variance
 * σ²·(1 + Σ_{j<h} α²(1 + βφ_j)²), φ_j = φ + … + φ^j (Hyndman et al., 2008, table 6.1).
 */
export interface HoltParams {
  alpha: number;
  beta: number;
  phi: number;
}

export interface HoltFit extends HoltParams {
  level: number;
  trend: number;
  /** Residual variance of the one-step errors. */
  sigma2: number;
  /** Its degrees of freedom (errors minus fitted parameters). */
  dof: number;
  /** One-step errors (observed − forecast) from the second observation on. */
  residuals: number[];
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const BETAS = [0, 0.05, 0.1, 0.2];
const PHIS = [0.8, 0.9, 0.98];

function run(y: readonly number[], p: HoltParams): { level: number; trend: number; residuals: number[] } {
  let level = y[0]!;
  let trend = 0;
  const residuals: number[] = [];
  for (let t = 1; t < y.length; t++) {
    const forecast = level + p.phi * trend;
    const e = y[t]! - forecast;
    residuals.push(e);
    const newLevel = forecast + p.alpha * e;
    trend = p.phi * trend + p.alpha * p.beta * e;
    level = newLevel;
  }
  return { level, trend, residuals };
}

/** Fits the smoothing parameters (β·α is the trend's smoothing, β ≤ 1 as in the error-correction form). */
export function fitDampedHolt(y: readonly number[]): HoltFit {
  if (y.length === 0)
    return { alpha: 1, beta: 0, phi: 1, level: 0, trend: 0, sigma2: 0, dof: 0, residuals: [] };
  let best: (HoltFit & { sse: number }) | null = null;
  const betas = y.length >= 6 ? BETAS : [0];
  for (const alpha of ALPHAS)
    for (const beta of betas)
      for (const phi of beta === 0 ? [1] : PHIS) {
        const r = run(y, { alpha, beta, phi });
        const sse = r.residuals.reduce((s, e) => s + e * e, 0);
        if (!best || sse < best.sse - 1e-9) {
          const params = 1 + (beta > 0 ? 2 : 0);
          const dof = Math.max(1, r.residuals.length - params);
          best = { alpha, beta, phi, ...r, sigma2: sse / dof, dof, sse };
        }
      }
  const { sse: _sse, ...fit } = best!;
  return fit;
}

/** Point forecasts 1…h steps ahead: ℓ + (φ + … + φ^k) b. */
export function holtForecast(fit: HoltFit, h: number): number[] {
  const out: number[] = [];
  let damp = 0;
  let power = 1;
  for (let k = 1; k <= h; k++) {
    power *= fit.phi;
    damp += power;
    out.push(fit.level + damp * fit.trend);
  }
  return out;
}

/** Forecast variances 1…h steps ahead. */
export function holtVariance(fit: HoltFit, h: number): number[] {
  const out: number[] = [];
  let acc = 1;
  let phiJ = 0;
  let power = 1;
  for (let k = 1; k <= h; k++) {
    out.push(fit.sigma2 * acc);
    power *= fit.phi;
    phiJ += power;
    const c = fit.alpha * (1 + fit.beta * phiJ);
    acc += c * c;
  }
  return out;
}
