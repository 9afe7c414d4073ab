import { parentPort } from 'node:worker_threads';
import { serializeModel } from '../engine/model-file.ts';
import { trainWithHoldout } from '../application/training-set.ts';
import type { TrainingReply, TrainingRequest } from './worker-messages.ts';

/**
 * The training worker (a `node:worker_threads` thread, started by `trainInWorker`): takes one
 * request, trains the holdout and final models exactly as `trainWithHoldout` does on the main
 * thread, replies with the serialized model file (its buffer transferred, not copied), then ends.
 */
const port = parentPort;
if (!port) throw new Error('training-worker.ts runs only as a worker thread (see train-in-worker.ts)');

port.once('message', (request: TrainingRequest) => {
  let reply: TrainingReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const { model, metrics } = trainWithHoldout(request.examples);
    const bytes = serializeModel(model, request.metadata);
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    reply = { ok: true, model: copy, metrics };
    transfer = [copy.buffer];
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, transfer);
  port.close();
});
