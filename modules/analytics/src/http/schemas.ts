import { municipalityParam, uuidSchema } from '@zemstvo/http';
import { z } from 'zod';
import { METRICS, WINDOWS } from '../domain/cityscore.ts';
import { BUCKETS, PERIODS } from '../domain/filters.ts';

const code = z.string().trim().min(1).max(80);
const isoDate = z.iso.date();
const localized = z.object({ ru: z.string(), en: z.string() });

/** The slice filters every analytics endpoint takes (dates are local days, both inclusive). */
export const filtersQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  category: code.optional(),
  theme: code.optional(),
  district: z.string().trim().min(1).max(200).optional(),
  /** An executor user's id, or the name of an executor organisation (imported data). */
  executor: z.string().trim().min(1).max(300).optional(),
  /** A department id, or the name of an executor organisation (imported data). */
  department: z.string().trim().min(1).max(300).optional(),
  service: uuidSchema.optional(),
});

export const dashboardQuery = filtersQuery.extend({ period: z.enum(PERIODS).optional() });

const counts = {
  incoming: z.number(),
  answered: z.number(),
  overdueNow: z.number(),
  onTimeShare: z.number().nullable(),
  meanRating: z.number().nullable(),
  rejections: z.number(),
};
const breakdown = z.array(z.object({ key: z.string().nullable(), label: localized, ...counts }));

export const dashboardOut = z.object({
  range: z.object({ from: z.string(), to: z.string(), period: z.enum(PERIODS), today: z.string() }),
  kpis: z.object({
    ...counts,
    registered: z.number(),
    open: z.number(),
    answeredOnTime: z.number(),
    answeredLate: z.number(),
    medianAnswerDays: z.number().nullable(),
    p90AnswerDays: z.number().nullable(),
    rated: z.number(),
  }),
  series: z.array(
    z.object({ period: z.string(), incoming: z.number(), answered: z.number(), overdue: z.number() }),
  ),
  breakdowns: z.object({
    category: breakdown,
    theme: breakdown,
    district: breakdown,
    executor: breakdown,
    department: breakdown,
  }),
  histogram: z.array(z.object({ from: z.number(), to: z.number().nullable(), n: z.number() })),
});

export const casesQuery = filtersQuery.extend({
  bucket: z.enum(BUCKETS).optional(),
  minDays: z.coerce.number().min(0).max(3650).optional(),
  maxDays: z.coerce.number().min(0).max(3650).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const codeTitle = z.object({ code: z.string(), title: localized });
export const casesOut = z.object({
  total: z.number(),
  page: z.number(),
  limit: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      regNumber: z.string().nullable(),
      receivedAt: z.date(),
      category: codeTitle,
      theme: codeTitle.nullable(),
      district: z.string().nullable(),
      status: z.string(),
      answerDue: z.string().nullable(),
      closedAt: z.date().nullable(),
      executor: z.object({ key: z.string(), name: z.string() }).nullable(),
      rating: z.number().nullable(),
    }),
  ),
});

export const heatmapQuery = filtersQuery.extend({ cell: z.coerce.number().min(0.0005).max(1).optional() });
export const heatmapOut = z.object({
  cellDegrees: z.number(),
  cells: z.array(z.object({ lat: z.number(), lon: z.number(), n: z.number() })),
  total: z.number(),
  max: z.number(),
  truncated: z.boolean(),
});

export const targetsIn = z
  .object({
    onTimeShare: z.number().gt(0).max(1),
    answerDays: z.number().gt(0).max(365),
    rating: z.number().min(1).max(5),
    backlogWithinShare: z.number().gt(0).max(1),
  })
  .strict();
export const targetsOut = targetsIn.extend({ custom: z.boolean() });

export const cityscoreQuery = z.object({ date: isoDate.optional() });
const cityRow = z.object({
  key: z.string().nullable(),
  label: localized,
  windows: z.array(
    z.object({
      window: z.enum(WINDOWS.map((w) => w.key) as [string, ...string[]]),
      from: z.string(),
      score: z.number().nullable(),
      metrics: z.array(
        z.object({
          metric: z.enum(METRICS),
          actual: z.number().nullable(),
          target: z.number(),
          score: z.number().nullable(),
          n: z.number(),
        }),
      ),
    }),
  ),
});
export const cityscoreOut = z.object({
  date: z.string(),
  targets: targetsOut,
  overall: cityRow,
  departments: z.array(cityRow),
});

export const regionParams = z.object({ region: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) });
export const rollupQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const rollupKpis = z.object({
  incoming: z.number(),
  answered: z.number(),
  open: z.number(),
  overdueNow: z.number(),
  onTimeShare: z.number().nullable(),
  medianAnswerDays: z.number().nullable(),
  meanRating: z.number().nullable(),
  rejections: z.number(),
});
export const rollupOut = z.object({
  region: z.object({ slug: z.string(), name: localized }),
  range: z.object({ from: z.string(), to: z.string() }),
  municipalities: z.array(z.object({ slug: z.string(), name: localized, kpis: rollupKpis })),
  total: rollupKpis,
});

export const reportIn = z
  .object({
    kind: z.enum(['dashboard', 'cases']),
    format: z.enum(['docx', 'pdf']),
    locale: z.enum(['ru', 'en']).default('ru'),
    filters: dashboardQuery
      .extend({
        bucket: z.enum(BUCKETS).optional(),
        minDays: z.number().min(0).max(3650).optional(),
        maxDays: z.number().min(0).max(3650).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export const reportOut = z.object({
  documentId: z.string(),
  regNumber: z.string().nullable(),
  title: z.string(),
  attachmentId: z.string(),
  fileName: z.string(),
});

export { municipalityParam };
