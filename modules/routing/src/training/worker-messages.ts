import type { ModelMetadata } from '../engine/model-file.ts';
import type { RoutingExample } from '../engine/routing-model.ts';
import type { TrainingMetrics } from '../application/training-set.ts';

/** What the job posts to the training worker: the examples (oldest first) and the model file's metadata. */
export interface TrainingRequest {
  examples: RoutingExample[];
  metadata: ModelMetadata;
}

/** What the worker posts back: the serialized model file and its holdout metrics, or the error's message. */
export type TrainingReply =
  { ok: true; model: Uint8Array; metrics: TrainingMetrics } | { ok: false; message: string };
