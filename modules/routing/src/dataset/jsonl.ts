import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline, type Readable, type Writable } from 'node:stream';
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

function parseLine(lineNo: number, text: string): JsonLine {
  try {
    return { lineNo, value: JSON.parse(text) as unknown };
  } catch (e) {
    return {
      lineNo,
      value: undefined,
      error: `not valid JSON (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}

export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  if (!existsSync(path)) throw notFound(`Input file ${path}`, 'input_not_found');
  if (!statSync(path).isFile()) throw badRequest('input_not_a_file', `${path} is not a file`);
  // pipeline() destroys every stream on an error, so the iteration below sees it.
  const source: Readable = isGzipPath(path)
    ? pipeline(createReadStream(path), createGunzip(), () => undefined)
    : createReadStream(path);
  source.setEncoding('utf8');
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<string>;
  let rest = '';
  let lineNo = 0;
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await chunks.next();
    } catch (e) {
      throw badRequest(
        'input_unreadable',
        `Cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (next.done) break;
    const lines = (rest + next.value).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      lineNo++;
      if (line.trim() !== '') yield parseLine(lineNo, line);
    }
  }
  if (rest.trim() !== '') yield parseLine(lineNo + 1, rest);
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
