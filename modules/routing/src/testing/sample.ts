import { fileURLToPath } from 'node:url';

/** The committed sample of the St. Petersburg appeals (made by scripts/make-sample.ts). */
export const SAMPLE_PATH = fileURLToPath(
  new URL('../../../../data/samples/spb-appeals-sample.jsonl.gz', import.meta.url),
);
