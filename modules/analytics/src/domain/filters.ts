import { addDays, daysBetween, localDate } from '@zemstvo/calendar';
import { badRequest } from '@zemstvo/kernel';

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export const BUCKETS = [
  'all',
  'open',
  'overdue',
  'answered',
  'on_time',
  'late',
  'rejected',
  'rated',
] as const;
export type Bucket = (typeof BUCKETS)[number];

/** A dashboard, drill-down or heat map slice, as the caller asks for it. */
export interface FilterInput {
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  theme?: string | undefined;
  district?: string | undefined;
  executor?: string | undefined;
  department?: string | undefined;
  service?: string | undefined;
}

/** The slice with its dates resolved: [from, to] local days, both inclusive. */
export interface Slice {
  from: string;
  to: string;
  today: string;
  /** The municipality's IANA time zone: from, to and today are its local days. */
  timeZone: string;
  category: string | null;
  theme: string | null;
  district: string | null;
  executor: string | null;
  department: string | null;
  service: string | null;
}

/** The longest range one request may cover (ten years of daily data is still bounded). */
export const MAX_RANGE_DAYS = 3700;
export const DEFAULT_RANGE_DAYS = 30;

/**
 * Resolves the dates of a slice in the municipality's time zone: `to` defaults to its today, `from` to 30 days before `to`. A range
 * that ends before it starts, or longer than ten years, is the caller's mistake (400).
 */
export function resolveSlice(input: FilterInput, now: Date, timeZone: string): Slice {
  const today = localDate(now, timeZone);
  const to = input.to ?? today;
  const from = input.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw badRequest('bad_range', 'The range starts after it ends (from > to)', { from, to });
  if (daysBetween(from, to) > MAX_RANGE_DAYS)
    throw badRequest('range_too_long', `A range may cover at most ${MAX_RANGE_DAYS} days`, { from, to });
  return {
    from,
    to,
    today,
    timeZone,
    category: input.category ?? null,
    theme: input.theme ?? null,
    district: input.district ?? null,
    executor: input.executor ?? null,
    department: input.department ?? null,
    service: input.service ?? null,
  };
}
