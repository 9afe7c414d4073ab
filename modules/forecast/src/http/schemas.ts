import { municipalityParam } from '@zemstvo/http';
import { z } from 'zod';

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a service instance slug');
const isoDate = z.string();
const localized = z.object({ ru: z.string(), en: z.string() });
const errors = z.object({ mae: z.number(), mase: z.number() });

export const forecastQuery = z.object({
  by: z.enum(['category', 'service']).default('category'),
  horizon: z.coerce.number().int().min(1).max(26).default(8),
  weeks_back: z.coerce.number().int().min(4).max(156).default(52),
  service: slug.optional(),
});

const groupOut = z.object({
  key: z.string(),
  service: z.string(),
  category: z.string().nullable(),
  label: localized,
  department: z.string().nullable(),
  status: z.enum(['ok', 'insufficient_history']),
  weeks_observed: z.number(),
  history: z.array(z.object({ week_start: isoDate, count: z.number() })),
  forecast: z.array(z.object({ week_start: isoDate, forecast: z.number(), lo: z.number(), hi: z.number() })),
  backtest: z
    .object({
      origins: z.number(),
      forecasts: z.number(),
      horizon: z.number(),
      model: errors.extend({ coverage: z.number() }),
      naive: errors,
      better: z.enum(['model', 'naive', 'tie']),
    })
    .nullable(),
});

export const forecastOut = z.object({
  by: z.enum(['category', 'service']),
  level: z.number(),
  horizon: z.number(),
  min_weeks: z.number(),
  window: z.object({ from: isoDate, to: isoDate }),
  stale: z.boolean(),
  groups: z.array(groupOut),
  total: groupOut,
  /** When the answer was computed: it is kept until the municipality's data changes or the hour ends. */
  computed_at: z.date(),
});

const spikeOut = z.object({
  key: z.string(),
  service: z.string(),
  category: z.string(),
  day: isoDate,
  observed: z.number(),
  expected: z.number(),
  upper_bound: z.number(),
  department: z.string().nullable(),
  document_id: z.string(),
  opened: z.boolean(),
});

const endAction = z.enum(['closed', 'noted', 'none']);

export const scanOut = z.object({
  scanned_groups: z.number(),
  opened: z.number(),
  spikes: z.array(spikeOut),
  /** Open spikes found over by this scan: their category was within the band for the last days. */
  ended: z.array(
    z.object({
      key: z.string(),
      day: isoDate,
      document_id: z.string(),
      ended_on: isoDate,
      action: endAction,
    }),
  ),
});

export const spikesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const spikesOut = z.object({
  items: z.array(
    spikeOut.omit({ opened: true }).extend({
      label: localized,
      department_name: localized.nullable(),
      detected_at: z.date(),
      ended_on: isoDate.nullable(),
      end_action: endAction.nullable(),
    }),
  ),
});

export { municipalityParam };
