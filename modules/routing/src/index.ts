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
