import type { Localized } from './types.ts';

/** The three things the router suggests: category, theme (`reason`) and executor. */
export const ROUTING_HEADS = ['category', 'reason', 'executor'] as const;
export type RoutingHead = (typeof ROUTING_HEADS)[number];

export interface RoutingSuggestion {
  value: string;
  title: Localized;
  /** Calibrated probability, 0–1. */
  confidence: number;
}

export interface RoutingView {
  model: { id: string; version: number; trainedAt: string | null } | null;
  suggestions: Record<RoutingHead, RoutingSuggestion[]>;
  current: Record<RoutingHead, string | null>;
  applied: Record<RoutingHead, { value: string; accepted: boolean; at: string } | null>;
}

export interface RoutingModelRun {
  id: string;
  version: number;
  jobId: number | null;
  status: 'training' | 'ready' | 'skipped' | 'failed';
  statusNote: string | null;
  /** A stable code of the note, translated when known (`interrupted`, `too_few_labelled`). */
  statusReason: string | null;
  requestedAt: string;
  trainedAt: string | null;
  examples: number;
  metrics: {
    holdout?: number;
    trainingMs?: number;
    heads?: Partial<Record<RoutingHead, { n: number; top1: number; top3: number }>>;
    /** A run skipped for `too_few_labelled`: appeals with a category, and how many training needs. */
    labelled?: number;
    required?: number;
  };
  active: boolean;
}

export const routingPath = (slug: string, appealId: string, suffix = '') =>
  `/api/m/${encodeURIComponent(slug)}/appeals/${encodeURIComponent(appealId)}/routing${suffix}`;
export const routingModelsPath = (slug: string) => `/api/m/${encodeURIComponent(slug)}/routing/models`;
export const routingTrainPath = (slug: string) => `/api/m/${encodeURIComponent(slug)}/routing/train`;

/** A confidence as a whole percent ("87 %" in the reader's language; "< 1 %" below one half of a percent). */
export function percent(p: number, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return p < 0.005 ? `< ${format.format(0.01)}` : format.format(p);
}
