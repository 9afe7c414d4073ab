import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { badRequest, notFound } from '@zemstvo/kernel';

/**
 * JSON-lines files, gzip'd when the name ends with `.gz` (reading and writing). Lines are
 * numbered from 1; blank lines are ignored.
 */
export const isGzipPath = (path: string): boolean => path.toLowerCase().endsWith('.gz');

export interface JsonLine {
  lineNo: number;
  /** The parsed value, or undefined when the line is not valid JSON (`error` says why). */
  value: unknown;
  error?: string;
}

export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  if (!existsSync(path)) throw notFound(`Input file ${path}`, 'input_not_found');
  if (!statSync(path).isFile()) throw badRequest('input_not_a_file', `${path} is not a file`);
  const raw = createReadStream(path);
  const stream = isGzipPath(path) ? raw.pipe(createGunzip()) : raw;
  const failed = new Promise<never>((_, reject) => {
    const fail = (e: Error) => reject(badRequest('input_unreadable', `Cannot read ${path}: ${e.message}`));
    raw.on('error', fail);
    stream.on('error', fail);
  });
  failed.catch(() => undefined);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  const iterator = lines[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([iterator.next(), failed]);
    if (next.done) break;
    lineNo++;
    const line = next.value.trim();
    if (line === '') continue;
    try {
      yield { lineNo, value: JSON.parse(line) as unknown };
    } catch (e) {
      yield {
        lineNo,
        value: undefined,
        error: `not valid JSON (${e instanceof Error ? e.message : String(e)})`,
      };
    }
  }
}

/** A JSON-lines writer; `close()` flushes and waits until the file is complete. */
export interface JsonLinesWriter {
  write(value: unknown): Promise<void>;
  close(): Promise<void>;
}

export function writeJsonLines(path: string): JsonLinesWriter {
  const file = createWriteStream(path);
  const out: Writable = isGzipPath(path) ? createGzip() : file;
  if (out !== file) out.pipe(file);
  let error: Error | null = null;
  const onError = (e: Error) => (error ??= e);
  file.on('error', onError);
  out.on('error', onError);
  const check = () => {
    if (error) throw badRequest('output_unwritable', `Cannot write ${path}: ${error.message}`);
  };
  /** Resolves on the first of the events (or an error); removes its listeners. */
  const until = (emitter: NodeJS.EventEmitter, event: string) =>
    new Promise<void>((resolve) => {
      const done = () => {
        emitter.off(event, done);
        emitter.off('error', done);
        resolve();
      };
      emitter.on(event, done);
      emitter.on('error', done);
    });
  return {
    async write(value) {
      check();
      if (!out.write(`${JSON.stringify(value)}\n`)) await until(out, 'drain');
      check();
    },
    async close() {
      check();
      const closed = until(file, 'close');
      out.end();
      await closed;
      check();
    },
  };
}
