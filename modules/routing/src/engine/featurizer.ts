import { addSparse, FeatureBag, fnv1a, type SparseVector } from './sparse.ts';
import { normalizeText, tokenize, words } from './text.ts';

/** What the router reads of an appeal: its text and where it is. */
export interface RoutingInput {
  text: string;
  district?: string | null;
  cityObject?: string | null;
  municipality?: string | null;
  address?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface FeatureConfig {
  /** log2 of the hashed feature space. */
  bits: number;
  /** Character n-gram lengths taken from each word (with word-boundary marks). */
  charGrams: readonly number[];
  /** Weight of the place features (district, object, municipality, grid cell) next to the L2-normalised text. */
  placeWeight: number;
  /** Size of the geographic grid cell in degrees of latitude (longitude: twice as much). */
  cellDegrees: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  bits: 17,
  charGrams: [3, 4],
  placeWeight: 0.25,
  cellDegrees: 0.01,
};

const WORD_SEED = fnv1a('w\u0001');
const PAIR_SEED = fnv1a('b\u0001');
const CHAR_SEED = fnv1a('c\u0001');
const ADDRESS_SEED = fnv1a('a\u0001');

/** Hashed feature counts of an appeal, before weighting. */
export interface RawFeatures {
  text: SparseVector;
  place: SparseVector;
}

/**
 * Hashed features of an appeal before weighting: the text's stemmed words and word pairs, the
 * character n-grams of its words (robust to typos and unknown word forms), the words of the
 * address, and the place (district, kind of city object, municipality, a grid cell of the point).
 * Text features count occurrences; place features are indicators.
 */
export function rawFeatures(input: RoutingInput, config: FeatureConfig): RawFeatures {
  const mask = (1 << config.bits) - 1;
  const text = new FeatureBag(mask);
  const normalized = normalizeText(input.text);
  const tokens = tokenize(normalized, true);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    text.addHash(fnv1a(t, 0, t.length, WORD_SEED));
    if (i > 0) {
      const prev = tokens[i - 1]!;
      text.addHash(fnv1a(t, 0, t.length, fnv1a(prev, 0, prev.length, PAIR_SEED) ^ 0x2f));
    }
  }
  if (config.charGrams.length > 0)
    for (const w of words(normalized)) {
      if (w.length < 2) continue;
      const padded = `<${w}>`;
      for (const n of config.charGrams)
        for (let i = 0; i + n <= padded.length; i++) text.addHash(fnv1a(padded, i, i + n, CHAR_SEED));
    }
  if (input.address)
    for (const t of tokenize(input.address)) if (t !== '#') text.addHash(fnv1a(t, 0, t.length, ADDRESS_SEED));

  const place = new FeatureBag(mask);
  if (input.district) place.add(`d\u0001${input.district}`);
  if (input.cityObject) place.add(`o\u0001${input.cityObject}`);
  if (input.municipality) place.add(`m\u0001${input.municipality}`);
  if (input.district && input.cityObject) place.add(`do\u0001${input.district}\u0001${input.cityObject}`);
  if (input.lat != null && input.lon != null && Number.isFinite(input.lat) && Number.isFinite(input.lon)) {
    const cy = Math.floor(input.lat / config.cellDegrees);
    const cx = Math.floor(input.lon / (2 * config.cellDegrees));
    place.add(`g\u0001${cy}\u0001${cx}`);
    place.add(`G\u0001${Math.floor(cy / 5)}\u0001${Math.floor(cx / 5)}`);
  }
  return { text: text.counts(), place: place.counts() };
}

/**
 * Inverse document frequencies of the hashed text buckets, learnt from the training texts:
 * idf = ln((N + 1) / (df + 1)) + 1; a bucket no training text hit has df = 0.
 */
export class Idf {
  /** The weight of each bucket, computed from the document frequencies (so a saved model needs only these). */
  readonly weights: Float32Array;

  constructor(
    readonly documentFrequencies: Uint32Array,
    readonly documents: number,
  ) {
    this.weights = new Float32Array(documentFrequencies.length);
    for (let b = 0; b < documentFrequencies.length; b++)
      this.weights[b] = Math.log((documents + 1) / (documentFrequencies[b]! + 1)) + 1;
  }

  static fit(texts: readonly SparseVector[], bits: number): Idf {
    const df = new Uint32Array(1 << bits);
    for (const t of texts) for (let j = 0; j < t.idx.length; j++) df[t.idx[j]!]!++;
    return new Idf(df, texts.length);
  }
}

/** TF-IDF of the text (sublinear tf, L2-normalised) plus the weighted place indicators. */
export function weightFeatures(raw: RawFeatures, idf: Idf, config: FeatureConfig): SparseVector {
  const { idx } = raw.text;
  const val = new Float32Array(idx.length);
  let norm = 0;
  for (let j = 0; j < idx.length; j++) {
    const tf = raw.text.val[j]!;
    const v = (1 + Math.log(tf)) * idf.weights[idx[j]!]!;
    val[j] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < val.length; j++) val[j]! *= scale;
  return addSparse({ idx, val }, raw.place, config.placeWeight);
}
