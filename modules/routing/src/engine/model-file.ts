import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { badRequest, notFound } from '@zemstvo/kernel';
import { withValues, type CompactHead } from './compact-head.ts';
import { ExecutorPrior, type PriorEntry } from './executor-prior.ts';
import { Idf, type FeatureConfig } from './featurizer.ts';
import { HEADS, RoutingModel, type HeadName } from './routing-model.ts';

/**
 * The model file: gzip of "ZRTM", a little-endian u32 header length, the JSON header (feature
 * configuration, labels, temperatures, the executor prior, what the model was trained on) and
 * the arrays, each padded to 4 bytes: the document frequencies, then per head its biases, the
 * number of weights of each feature bucket, their classes and their 16-bit values.
 */
export const MODEL_FORMAT = 'zemstvo-routing-model';
export const MODEL_VERSION = 1;
const MAGIC = 'ZRTM';

export interface ModelMetadata {
  trainedAt: string;
  examples: number;
  /** First and last creation time of the training appeals, when known. */
  period: { from: string | null; to: string | null };
}

interface HeadHeader {
  labels: string[];
  temperature: number;
  step: number;
  weights: number;
}

interface Header {
  format: string;
  version: number;
  metadata: ModelMetadata;
  features: FeatureConfig;
  documents: number;
  heads: Record<HeadName, HeadHeader>;
  prior: { weight: number; smoothing: number; patterns: number; entries: PriorEntry[] };
}

function assertLittleEndian(): void {
  if (endianness() !== 'LE')
    throw new Error('Routing model files are read and written on little-endian machines only');
}

const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const pad4 = (b: Buffer): Buffer =>
  b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);

/** Number of weights of each bucket: the CSR row lengths (fit in 16 bits, as a head has < 65,536 classes). */
function rowLengths(head: CompactHead): Uint16Array {
  const out = new Uint16Array(head.dim);
  for (let b = 0; b < head.dim; b++) out[b] = head.rowStart[b + 1]! - head.rowStart[b]!;
  return out;
}

export function serializeModel(model: RoutingModel, metadata: ModelMetadata): Buffer {
  assertLittleEndian();
  const heads = Object.fromEntries(
    HEADS.map((h) => {
      const head = model.heads[h];
      return [
        h,
        { labels: head.labels, temperature: head.temperature, step: head.step, weights: head.q.length },
      ];
    }),
  ) as Record<HeadName, HeadHeader>;
  const header: Header = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    metadata,
    features: model.features,
    documents: model.idf.documents,
    heads,
    prior: {
      weight: model.priorWeight,
      smoothing: model.prior.smoothing,
      patterns: model.prior.patterns,
      entries: model.prior.entries(),
    },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts = [Buffer.from(MAGIC, 'latin1'), length, pad4(json), bytesOf(model.idf.documentFrequencies)];
  for (const h of HEADS) {
    const head = model.heads[h];
    parts.push(
      // One bias per label: a head that learnt no label (no example had one) trains one dummy class.
      bytesOf(head.bias.subarray(0, head.labels.length)),
      pad4(bytesOf(rowLengths(head))),
      pad4(bytesOf(head.cls)),
      pad4(bytesOf(head.q)),
    );
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

const badModel = (why: string) => badRequest('bad_model_file', `Not a routing model file (${why})`);

/** Reads a model file; a file of another kind or version, or a damaged one, is refused with `bad_model_file`. */
export function deserializeModel(file: Buffer): { model: RoutingModel; metadata: ModelMetadata } {
  assertLittleEndian();
  let data: Buffer;
  try {
    data = gunzipSync(file);
  } catch {
    throw badModel('not gzip');
  }
  if (data.length < 8 || data.toString('latin1', 0, 4) !== MAGIC) throw badModel('no ZRTM signature');
  const headerLength = data.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(data.toString('utf8', 8, 8 + headerLength)) as Header;
  } catch {
    throw badModel('damaged header');
  }
  if (header.format !== MODEL_FORMAT) throw badModel(`format ${String(header.format)}`);
  if (header.version !== MODEL_VERSION)
    throw badRequest(
      'bad_model_version',
      `Routing model version ${header.version} is not supported (this build reads ${MODEL_VERSION})`,
    );
  let offset = 8 + headerLength + ((4 - (headerLength % 4)) % 4);
  const take = <T>(make: (buf: ArrayBuffer, count: number) => T, count: number, bytesPer: number): T => {
    const bytes = count * bytesPer;
    if (offset + bytes > data.length) throw badModel('truncated');
    const copy = new Uint8Array(bytes);
    copy.set(data.subarray(offset, offset + bytes));
    offset += bytes + ((4 - (bytes % 4)) % 4);
    return make(copy.buffer, count);
  };
  const dim = 1 << header.features.bits;
  const df = take((b, n) => new Uint32Array(b, 0, n), dim, 4);
  const heads = {} as Record<HeadName, CompactHead>;
  for (const h of HEADS) {
    const hh = header.heads[h];
    const bias = take((b, n) => new Float32Array(b, 0, n), hh.labels.length, 4);
    const lengths = take((b, n) => new Uint16Array(b, 0, n), dim, 2);
    const cls = take((b, n) => new Uint16Array(b, 0, n), hh.weights, 2);
    const q = take((b, n) => new Int16Array(b, 0, n), hh.weights, 2);
    const rowStart = new Int32Array(dim + 1);
    for (let b = 0; b < dim; b++) rowStart[b + 1] = rowStart[b]! + lengths[b]!;
    if (rowStart[dim] !== hh.weights) throw badModel(`inconsistent ${h} head`);
    heads[h] = withValues({
      labels: hh.labels,
      dim,
      bias,
      rowStart,
      cls,
      q,
      step: hh.step,
      temperature: hh.temperature,
    });
  }
  if (offset !== data.length) throw badModel('trailing data');
  const prior = new ExecutorPrior(header.prior.patterns, header.prior.smoothing, header.prior.entries);
  const model = new RoutingModel(
    header.features,
    new Idf(df, header.documents),
    heads,
    prior,
    header.prior.weight,
  );
  return { model, metadata: header.metadata };
}

export function writeModelFile(path: string, model: RoutingModel, metadata: ModelMetadata): number {
  const bytes = serializeModel(model, metadata);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw badRequest(
      'output_unwritable',
      `Cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return bytes.length;
}

export function readModelFile(path: string): { model: RoutingModel; metadata: ModelMetadata } {
  if (!existsSync(path)) throw notFound(`Model file ${path}`, 'model_not_found');
  return deserializeModel(readFileSync(path));
}
