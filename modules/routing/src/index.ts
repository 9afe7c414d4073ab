import { fileURLToPath } from 'node:url';
import type { ServiceRegistry } from '@zemstvo/catalog';
import type { ZemstvoModule } from '@zemstvo/http';
import { makeSweepJob, makeTrainJob, TRAIN_JOB } from './application/train-job.ts';
import { SWEEP_JOB } from './application/interrupted-runs.ts';
import { routingRoutes } from './http/routes.ts';
import { routingPermissions } from './permissions.ts';

/**
 * Routing intelligence: suggests the category, theme and executor of an appeal from its text,
 * district and place, with a model trained inside the platform (hashed TF-IDF features, softmax
 * regression by SGD, a theme × district prior for executors, temperature calibration).
 */
export { normalizeText, tokenize, words } from './engine/text.ts';
export { stemRussian } from './engine/russian-stemmer.ts';
export { fnv1a, FeatureBag, type SparseVector } from './engine/sparse.ts';
export {
  DEFAULT_FEATURE_CONFIG,
  rawFeatures,
  weightFeatures,
  Idf,
  type FeatureConfig,
  type RoutingInput,
} from './engine/featurizer.ts';
export { executorPattern, executorName, districtStem, DISTRICT_SLOT } from './engine/executor-names.ts';
export { fitTemperature, expectedCalibrationError } from './engine/calibration.ts';
export {
  RoutingModel,
  HEADS,
  DEFAULT_TRAIN_OPTIONS,
  type HeadName,
  type RoutingExample,
  type RoutingSuggestions,
  type Suggestion,
  type TrainOptions,
  type TrainingReport,
} from './engine/routing-model.ts';
export {
  serializeModel,
  deserializeModel,
  writeModelFile,
  readModelFile,
  MODEL_FORMAT,
  MODEL_VERSION,
  type ModelMetadata,
} from './engine/model-file.ts';
export {
  readJsonLines,
  writeJsonLines,
  isGzipPath,
  type JsonLine,
  type JsonLinesWriter,
} from './dataset/jsonl.ts';
export { parseAppealRecord, type AppealRecord, type ParsedRecord } from './dataset/appeal-record.ts';
export { loadAppeals, type LoadedAppeals, type InvalidLine } from './dataset/load-appeals.ts';
export {
  evaluateTimeSplit,
  splitByDate,
  chronological,
  toExamples,
  type TimeSplitReport,
  type HeadScore,
} from './evaluation/time-split.ts';

export { routingPermissions };
export {
  TRAIN_JOB,
  enqueueTrainingForAll,
  scheduleNightlyTraining,
  nextNightlyRun,
  runTraining,
} from './application/train-job.ts';
export {
  failInterruptedRuns,
  TRAINER_PROCESS,
  INTERRUPTED_AFTER_MS,
  INTERRUPTED_NOTE,
  INTERRUPTED_REASON,
  SWEEP_JOB,
} from './application/interrupted-runs.ts';
export { trainInWorker, type Trainer, type TrainedModelFile } from './training/train-in-worker.ts';
export type { TrainingRequest } from './training/worker-messages.ts';
export {
  loadTrainingSet,
  trainWithHoldout,
  MAX_TRAINING_APPEALS,
  MIN_LABELLED_APPEALS,
  HOLDOUT_SHARE,
  type TrainingSet,
  type TrainingMetrics,
} from './application/training-set.ts';
export { getRouting, type RoutingView, type SuggestionView } from './application/suggestions.ts';
export { recordFeedback, type FeedbackInput } from './application/feedback.ts';
export { requestTraining, listModels } from './application/models.ts';

export const routingMigrations = {
  module: 'routing',
  dir: fileURLToPath(new URL('../migrations', import.meta.url)),
};

/**
 * The routing module in the platform: models trained per municipality by a background job
 * (nightly and on demand), suggestions for each appeal, staff feedback that labels the next training.
 */
export function createRoutingModule(options: { registry: ServiceRegistry }): ZemstvoModule {
  return {
    name: 'routing',
    migrations: routingMigrations,
    permissions: routingPermissions,
    jobs: { [TRAIN_JOB]: makeTrainJob(), [SWEEP_JOB]: makeSweepJob() },
    routes(app) {
      routingRoutes(app, options.registry);
    },
  };
}
