/**
 * Who executes a theme in a district, from counts: P(executor pattern | theme, district), smoothed
 * towards P(pattern | theme) and that towards uniform. Mixed over the theme head's probabilities,
 * it gives the executor head a second opinion that knows the city's division of work (the same
 * theme goes to the housing agency in one district and to the administration in another).
 */
export interface PriorEntry {
  /** Theme (index into the theme head's labels). */
  reason: number;
  /** District, or null for the theme's counts over all districts. */
  district: string | null;
  /** [pattern index, count] pairs. */
  counts: [number, number][];
}

const key = (reason: number, district: string | null) =>
  district === null ? `${reason}` : `${reason}\u0001${district}`;

export class ExecutorPrior {
  readonly #table = new Map<string, PriorEntry>();

  constructor(
    readonly patterns: number,
    readonly smoothing: number,
    entries: readonly PriorEntry[],
  ) {
    for (const e of entries) this.#table.set(key(e.reason, e.district), e);
  }

  /** Counts of labelled examples (indices −1 are skipped). */
  static fit(
    reasons: Int32Array,
    patterns: Int32Array,
    districts: readonly (string | null | undefined)[],
    patternCount: number,
    smoothing: number,
  ): ExecutorPrior {
    const counts = new Map<string, { reason: number; district: string | null; c: Map<number, number> }>();
    const bump = (reason: number, district: string | null, pattern: number) => {
      const k = key(reason, district);
      let e = counts.get(k);
      if (!e) counts.set(k, (e = { reason, district, c: new Map() }));
      e.c.set(pattern, (e.c.get(pattern) ?? 0) + 1);
    };
    for (let i = 0; i < reasons.length; i++) {
      if (reasons[i]! < 0 || patterns[i]! < 0) continue;
      bump(reasons[i]!, null, patterns[i]!);
      if (districts[i]) bump(reasons[i]!, districts[i]!, patterns[i]!);
    }
    const entries = [...counts.values()]
      .map((e) => ({ reason: e.reason, district: e.district, counts: [...e.c].sort((a, b) => a[0] - b[0]) }))
      .sort((a, b) => a.reason - b.reason || (a.district ?? '').localeCompare(b.district ?? ''));
    return new ExecutorPrior(patternCount, smoothing, entries);
  }

  entries(): PriorEntry[] {
    return [...this.#table.values()];
  }

  /** Smoothed P(pattern | theme[, district]) into `out` (backing off to `base`, else uniform). */
  #distribution(entry: PriorEntry | undefined, base: Float64Array | null, out: Float64Array): void {
    const a = this.smoothing;
    let n = 0;
    for (let e = 0; e < out.length; e++) out[e] = a * (base ? base[e]! : 1 / out.length);
    for (const [p, c] of entry?.counts ?? []) {
      out[p]! += c;
      n += c;
    }
    for (let e = 0; e < out.length; e++) out[e]! /= n + a;
  }

  /** Σ over themes of P(theme | appeal) · P(pattern | theme, district); themes below `minProb` skipped. */
  mix(reasonProbabilities: Float64Array, district: string | null | undefined, minProb = 1e-3): Float64Array {
    const out = new Float64Array(this.patterns);
    const byTheme = new Float64Array(this.patterns);
    const byPlace = new Float64Array(this.patterns);
    let mass = 0;
    for (let r = 0; r < reasonProbabilities.length; r++) {
      const pr = reasonProbabilities[r]!;
      if (pr < minProb) continue;
      mass += pr;
      this.#distribution(this.#table.get(key(r, null)), null, byTheme);
      const local = district ? this.#table.get(key(r, district)) : undefined;
      if (local) this.#distribution(local, byTheme, byPlace);
      const d = local ? byPlace : byTheme;
      for (let e = 0; e < out.length; e++) out[e]! += pr * d[e]!;
    }
    if (mass > 0) for (let e = 0; e < out.length; e++) out[e]! /= mass;
    else out.fill(1 / Math.max(1, this.patterns));
    return out;
  }
}
