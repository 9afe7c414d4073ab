import { Worker } from 'node:worker_threads';
import type { TrainingMetrics } from '../application/training-set.ts';
import type { TrainingReply, TrainingRequest } from './worker-messages.ts';

export interface TrainedModelFile {
  /** The gzip'd model file (`serializeModel`), as the worker wrote it. */
  model: Uint8Array;
  metrics: TrainingMetrics;
}

/** Trains a model from a request and returns its file: in a worker thread (`trainInWorker`) or in tests. */
export type Trainer = (request: TrainingRequest) => Promise<TrainedModelFile>;

/**
 * The worker is TypeScript run through tsx. Node 20 ignores loaders given to a Worker in
 * `execArgv` (nodejs/node#47747), so the thread starts from a small JavaScript entry that
 * registers tsx through its API and imports `training-worker.ts`: the same whether the parent is
 * `zemstvo start`, the CLI, vitest or `tsx`. The parent's execArgv are not passed on (they may name
 * a loader of the parent only, such as vitest's).
 */
const WORKER_ENTRY = new URL('./training-worker.mjs', import.meta.url);

/**
 * Trains in a `node:worker_threads` Worker, so the CPU-bound fit (seconds to a minute) leaves the
 * server's event loop free: requests are answered and the database is free meanwhile. Resolves
 * with the serialized model; rejects with the worker's error (an exception in training, a worker
 * that fails to start or exits without replying).
 */
export function trainInWorker(
  request: TrainingRequest,
  entry: URL = WORKER_ENTRY,
): Promise<TrainedModelFile> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const worker = new Worker(entry, { execArgv: [] });
    worker.once('message', (reply: TrainingReply) =>
      settle(() =>
        reply.ok
          ? resolve({ model: reply.model, metrics: reply.metrics })
          : reject(new Error(`routing training failed: ${reply.message}`)),
      ),
    );
    worker.once('error', (error: Error) =>
      settle(() => reject(new Error(`routing training worker failed: ${error.message}`))),
    );
    worker.once('exit', (code: number) =>
      settle(() => reject(new Error(`routing training worker stopped (exit code ${code}) without a model`))),
    );
    worker.postMessage(request);
  });
}
