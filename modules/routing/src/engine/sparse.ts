/** A sparse feature vector: bucket indices (ascending, distinct) and their values. */
export interface SparseVector {
  readonly idx: Int32Array;
  readonly val: Float32Array;
}

export const FNV_OFFSET = 0x811c9dc5;

/**
 * 32-bit FNV-1a over the UTF-16 code units of `s` from `start` to `end`, continuing from `h`
 * (so a namespace prefix is hashed once: `fnv1a(word, 0, word.length, fnv1a('w:'))`).
 */
export function fnv1a(s: string, start = 0, end = s.length, h = FNV_OFFSET): number {
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Collects the hashed features of one example; `counts()` gives each bucket's number of hits. */
export class FeatureBag {
  readonly #buckets: number[] = [];
  constructor(readonly mask: number) {}

  add(feature: string): void {
    this.addHash(fnv1a(feature));
  }

  /** Adds a feature by its 32-bit hash. */
  addHash(hash: number): void {
    this.#buckets.push(hash & this.mask);
  }

  /** Distinct buckets, ascending, with how often each was hit (repeats and collisions add up). */
  counts(): SparseVector {
    const sorted = Int32Array.from(this.#buckets).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
    const idx = new Int32Array(n);
    const val = new Float32Array(n);
    let k = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) idx[++k] = sorted[i]!;
      val[k]!++;
    }
    return { idx, val };
  }
}

/** The sum of two sparse vectors (both sorted by bucket), `b` multiplied by `bScale`. */
export function addSparse(a: SparseVector, b: SparseVector, bScale = 1): SparseVector {
  const idx = new Int32Array(a.idx.length + b.idx.length);
  const val = new Float32Array(idx.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.idx.length || j < b.idx.length) {
    const ai = i < a.idx.length ? a.idx[i]! : Infinity;
    const bj = j < b.idx.length ? b.idx[j]! : Infinity;
    if (ai === bj) {
      idx[n] = ai;
      val[n++] = a.val[i++]! + bScale * b.val[j++]!;
    } else if (ai < bj) {
      idx[n] = ai;
      val[n++] = a.val[i++]!;
    } else {
      idx[n] = bj;
      val[n++] = bScale * b.val[j++]!;
    }
  }
  return { idx: idx.slice(0, n), val: val.slice(0, n) };
}
