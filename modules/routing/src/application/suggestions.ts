import { instancesRepo, type ServiceRegistry } from '@zemstvo/catalog';
import { notFound, type Ctx, type LocalizedText } from '@zemstvo/kernel';
import { HEADS, type HeadName } from '../engine/routing-model.ts';
import { examplesRepo, type AppealExampleRow } from '../infra/examples.repository.ts';
import { feedbackRepo, type FeedbackRow } from '../infra/feedback.repository.ts';
import { activeModel } from './model-cache.ts';
import { exampleOf } from './training-set.ts';

/** How many suggestions each head shows. */
export const TOP = 3;

export interface SuggestionView {
  value: string;
  title: LocalizedText;
  /** Calibrated probability that this is the right answer (0–1). */
  confidence: number;
}

export interface RoutingView {
  model: { id: string; version: number; trainedAt: Date | null } | null;
  suggestions: Record<HeadName, SuggestionView[]>;
  /** The appeal's classification now (executor: the responsible one of a live resolution). */
  current: Record<HeadName, string | null>;
  /** The latest answer staff gave to each head (the executor one prefills the resolution form). */
  applied: Record<HeadName, { value: string; accepted: boolean; at: Date } | null>;
}

export interface Classifier {
  categories: { code: string; title: LocalizedText; themes: { code: string; title: LocalizedText }[] }[];
}

export type AppealForRouting = AppealExampleRow & { serviceInstanceId: string };

/** The appeal of the caller's municipality (404 otherwise) and its service's classifier. */
export async function appealForRouting(
  ctx: Ctx,
  registry: ServiceRegistry,
  id: string,
): Promise<{ appeal: AppealForRouting; classifier: Classifier }> {
  const m = ctx.tenant!.municipalityId;
  const appeal = await examplesRepo.appeal(ctx.tx, m, id);
  if (!appeal) throw notFound('Appeal', 'appeal_not_found');
  const instance = await instancesRepo.byId(ctx.tx, m, appeal.serviceInstanceId);
  const pkg = instance ? registry.get(instance.packageSlug) : undefined;
  return { appeal, classifier: { categories: pkg?.manifest.categories ?? [] } };
}

const same = (s: string): LocalizedText => ({ ru: s, en: s });

/**
 * The active model's top 3 per head for the appeal, with calibrated confidences, best first.
 * Categories are those of the appeal's service; themes those of its current category; executors
 * the municipality's staff (named) or, for imported history, the organisation's name.
 */
export async function suggestionsFor(
  ctx: Ctx,
  appeal: AppealForRouting,
  classifier: Classifier,
): Promise<{ model: RoutingView['model']; modelId: string | null; suggestions: RoutingView['suggestions'] }> {
  const m = ctx.tenant!.municipalityId;
  const empty = { category: [], reason: [], executor: [] };
  const active = await activeModel(ctx.tx, m);
  if (!active) return { model: null, modelId: null, suggestions: empty };
  const p = active.model.predict(exampleOf(appeal).input, 30);
  const categories = new Map(classifier.categories.map((c) => [c.code, c]));
  const themes = new Map((categories.get(appeal.category ?? '')?.themes ?? []).map((t) => [t.code, t.title]));
  const names = await examplesRepo.memberNames(
    ctx.tx,
    m,
    p.executor.map((s) => s.label),
  );
  const uuid = /^[0-9a-f-]{36}$/i;
  const pick = (head: HeadName, title: (v: string) => LocalizedText | null): SuggestionView[] =>
    p[head]
      .flatMap((s) => {
        const t = title(s.label);
        return t ? [{ value: s.label, title: t, confidence: s.confidence }] : [];
      })
      .slice(0, TOP);
  return {
    model: { id: active.row.id, version: active.row.version, trainedAt: active.row.trainedAt },
    modelId: active.row.id,
    suggestions: {
      category: pick('category', (v) => categories.get(v)?.title ?? null),
      reason: pick('reason', (v) => themes.get(v) ?? null),
      executor: pick('executor', (v) => {
        const name = names.get(v);
        if (name) return same(name);
        return uuid.test(v) ? null : same(v);
      }),
    },
  };
}

const appliedOf = (rows: FeedbackRow[]): RoutingView['applied'] => {
  const out: RoutingView['applied'] = { category: null, reason: null, executor: null };
  for (const r of rows) out[r.head] = { value: r.chosen, accepted: r.accepted, at: r.createdAt };
  return out;
};

/** GET …/appeals/:id/routing: suggestions, the classification now, and what staff applied. */
export async function getRouting(ctx: Ctx, registry: ServiceRegistry, id: string): Promise<RoutingView> {
  const { appeal, classifier } = await appealForRouting(ctx, registry, id);
  const { model, suggestions } = await suggestionsFor(ctx, appeal, classifier);
  const applied = appliedOf(await feedbackRepo.latestPerHead(ctx.tx, ctx.tenant!.municipalityId, id));
  const current = Object.fromEntries(HEADS.map((h) => [h, appeal[h]])) as RoutingView['current'];
  return { model, suggestions, current, applied };
}
