import type { Sql } from '@zemstvo/kernel';
import { HEADS, RoutingModel, type HeadName, type RoutingExample } from '../engine/routing-model.ts';
import { examplesRepo, type AppealExampleRow } from '../infra/examples.repository.ts';

/** Training reads at most the newest this many appeals of a municipality (bounded time and memory). */
export const MAX_TRAINING_APPEALS = 50_000;
/** Fewer appeals with a category than this: the run is skipped (a model would only guess). */
export const MIN_LABELLED_APPEALS = 50;
/** The newest share of the appeals held out to measure the model before it is trained on all of them. */
export const HOLDOUT_SHARE = 0.1;

export interface TrainingSet {
  ids: string[];
  examples: RoutingExample[];
  period: { from: string | null; to: string | null };
}

export const exampleOf = (r: AppealExampleRow): RoutingExample => ({
  input: {
    text: r.text,
    district: r.district,
    cityObject: r.cityObject,
    municipality: r.municipality,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
  },
  category: r.category,
  reason: r.reason,
  executor: r.executor,
});

/**
 * The municipality's training examples, oldest first: the newest `limit` appeals with the labels
 * staff set, corrections given as routing feedback taking precedence (see examplesRepo).
 */
export async function loadTrainingSet(
  sql: Sql,
  municipalityId: string,
  limit = MAX_TRAINING_APPEALS,
): Promise<TrainingSet> {
  const rows = await examplesRepo.trainingRows(sql, municipalityId, limit);
  return {
    ids: rows.map((r) => r.id),
    examples: rows.map(exampleOf),
    period: {
      from: rows[0] ? new Date(rows[0].receivedAt).toISOString() : null,
      to: rows.at(-1) ? new Date(rows.at(-1)!.receivedAt).toISOString() : null,
    },
  };
}

export interface HeadMetrics {
  /** Holdout appeals with a known answer for this head. */
  n: number;
  top1: number;
  top3: number;
}

export interface TrainingMetrics {
  holdout: number;
  heads: Record<HeadName, HeadMetrics>;
  classes: Record<HeadName, number>;
  /** Wall-clock milliseconds of the whole training (holdout model and final model). */
  trainingMs: number;
  cpuMs: number;
}

/**
 * Trains on the older 90 % and measures top-1/top-3 on the newest 10 % (a time split, as the model
 * is used), then trains the model that is stored on all examples.
 */
export function trainWithHoldout(examples: readonly RoutingExample[]): {
  model: RoutingModel;
  metrics: TrainingMetrics;
} {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const cut = Math.floor(examples.length * (1 - HOLDOUT_SHARE));
  const test = examples.slice(cut);
  const heads = Object.fromEntries(HEADS.map((h) => [h, { n: 0, top1: 0, top3: 0 }])) as Record<
    HeadName,
    HeadMetrics
  >;
  if (cut > 0 && test.length > 0) {
    const { model: early } = RoutingModel.train(examples.slice(0, cut));
    for (const e of test) {
      const p = early.predict(e.input, 3);
      for (const h of HEADS) {
        const truth = e[h];
        if (truth === null) continue;
        heads[h].n++;
        if (p[h][0]?.label === truth) heads[h].top1++;
        if (p[h].some((s) => s.label === truth)) heads[h].top3++;
      }
    }
    for (const h of HEADS) {
      const n = Math.max(1, heads[h].n);
      heads[h].top1 /= n;
      heads[h].top3 /= n;
    }
  }
  const { model, report } = RoutingModel.train(examples);
  const u = process.cpuUsage(cpu);
  return {
    model,
    metrics: {
      holdout: test.length,
      heads,
      classes: report.classes,
      trainingMs: Math.round(performance.now() - started),
      cpuMs: Math.round((u.user + u.system) / 1000),
    },
  };
}
