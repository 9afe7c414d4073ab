import type { Localized } from './types.ts';

/** Shapes of the analytics API (modules/analytics). */
export type Period = 'day' | 'week' | 'month';
export type Bucket = 'all' | 'open' | 'overdue' | 'answered' | 'on_time' | 'late' | 'rejected' | 'rated';
export type Dimension = 'category' | 'theme' | 'district' | 'executor' | 'department';

export interface AnalyticsFilters {
  from: string;
  to: string;
  period: Period;
  category: string;
  district: string;
}

export interface BreakdownRow {
  key: string | null;
  label: Localized;
  incoming: number;
  answered: number;
  overdueNow: number;
  onTimeShare: number | null;
  meanRating: number | null;
  rejections: number;
}

export interface Dashboard {
  range: { from: string; to: string; period: Period; today: string };
  kpis: {
    incoming: number;
    registered: number;
    answered: number;
    open: number;
    overdueNow: number;
    answeredOnTime: number;
    answeredLate: number;
    onTimeShare: number | null;
    medianAnswerDays: number | null;
    p90AnswerDays: number | null;
    meanRating: number | null;
    rated: number;
    rejections: number;
  };
  series: { period: string; incoming: number; answered: number; overdue: number }[];
  breakdowns: Record<Dimension, BreakdownRow[]>;
  histogram: { from: number; to: number | null; n: number }[];
}

/** A slice the user clicked: a dimension value, a bucket, an answer-time bar or a period. */
export interface Drill {
  dimension?: Dimension;
  key?: string;
  label: string;
  bucket?: Bucket;
  minDays?: number;
  maxDays?: number;
  from?: string;
  to?: string;
}

export interface CaseItem {
  id: string;
  regNumber: string | null;
  receivedAt: string;
  category: { code: string; title: Localized };
  theme: { code: string; title: Localized } | null;
  district: string | null;
  status: string;
  answerDue: string | null;
  closedAt: string | null;
  executor: { key: string; name: string } | null;
  rating: number | null;
}

export interface CasesPage {
  total: number;
  page: number;
  limit: number;
  items: CaseItem[];
}

export interface Heatmap {
  cellDegrees: number;
  cells: { lat: number; lon: number; n: number }[];
  total: number;
  max: number;
  truncated: boolean;
}

export interface MetricScore {
  metric: 'on_time' | 'answer_days' | 'satisfaction' | 'backlog';
  actual: number | null;
  target: number;
  score: number | null;
  n: number;
}

export interface CityScoreRow {
  key: string | null;
  label: Localized;
  windows: {
    window: 'day' | 'week' | 'month' | 'quarter';
    from: string;
    score: number | null;
    metrics: MetricScore[];
  }[];
}

export interface CityScoreTargets {
  onTimeShare: number;
  answerDays: number;
  rating: number;
  backlogWithinShare: number;
  /** False while the municipality uses the platform's defaults. */
  custom: boolean;
}

export interface CityScore {
  date: string;
  targets: CityScoreTargets;
  overall: CityScoreRow;
  departments: CityScoreRow[];
}

export interface RollupKpis {
  incoming: number;
  answered: number;
  open: number;
  overdueNow: number;
  onTimeShare: number | null;
  medianAnswerDays: number | null;
  meanRating: number | null;
  rejections: number;
}

export interface Rollup {
  region: { slug: string; name: Localized };
  range: { from: string; to: string };
  municipalities: { slug: string; name: Localized; kpis: RollupKpis }[];
  total: RollupKpis;
}

export interface ReportResult {
  documentId: string;
  regNumber: string | null;
  title: string;
  attachmentId: string;
  fileName: string;
}

/** The query string of a slice: the filters, and the clicked slice when there is one. */
export function sliceQuery(
  f: AnalyticsFilters,
  drill?: Drill | null,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams();
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') q.set(k, String(v));
  };
  set('from', drill?.from ?? f.from);
  set('to', drill?.to ?? f.to);
  set('category', f.category);
  set('district', f.district);
  if (drill?.dimension && drill.key !== undefined) set(drill.dimension, drill.key);
  set('bucket', drill?.bucket);
  set('minDays', drill?.minDays);
  set('maxDays', drill?.maxDays);
  for (const [k, v] of Object.entries(extra)) set(k, v);
  return q.toString();
}

/** The drill as the body filters of a report export. */
export function drillFilters(f: AnalyticsFilters, drill: Drill | null): Record<string, string | number> {
  const entries = [...new URLSearchParams(sliceQuery(f, drill)).entries()];
  return Object.fromEntries(entries.map(([k, v]) => [k, k === 'minDays' || k === 'maxDays' ? Number(v) : v]));
}
