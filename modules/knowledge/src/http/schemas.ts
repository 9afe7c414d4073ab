import { municipalityParam, uuidSchema } from '@zemstvo/http';
import { z } from 'zod';

const code = z.string().trim().min(1).max(80);
const isoDate = z.iso.date();

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(500),
  kind: code.optional(),
  category: code.optional(),
  theme: code.optional(),
  status: code.optional(),
  district: z.string().trim().min(1).max(200).optional(),
  executor: uuidSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const localized = z.object({ ru: z.string(), en: z.string() });
const facetValue = z.object({
  value: z.string(),
  count: z.number(),
  label: z.union([localized, z.string()]).optional(),
});

export const searchOut = z.object({
  total: z.number(),
  /** More than 5,000 hits (FACET_CAP): `total` is 5,000 (show "5,000+") and the facets count the first 5,000. */
  totalIsEstimate: z.boolean().default(false),
  items: z.array(
    z.object({
      id: z.string(),
      municipality: z.string(),
      kind: z.string(),
      title: z.string(),
      snippet: z.string(),
      regNumber: z.string().nullable(),
      status: z.string(),
      date: z.date(),
      score: z.number(),
      category: z.string().nullable(),
      metadata: z.record(z.string(), z.unknown()),
    }),
  ),
  facets: z.object({
    kind: z.array(facetValue),
    category: z.array(facetValue),
    theme: z.array(facetValue),
    district: z.array(facetValue),
    status: z.array(facetValue),
    period: z.array(facetValue),
    executor: z.array(facetValue),
  }),
  corrected: z.array(z.string()).nullable(),
});

export const idParams = municipalityParam.extend({ id: uuidSchema });

export const similarOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      regNumber: z.string().nullable(),
      status: z.string(),
      date: z.date(),
      score: z.number(),
      textSimilarity: z.number(),
    }),
  ),
});

export const draftReportIn = z.object({
  service: code,
  category: code,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  text: z.string().max(5000).optional(),
});

export const duplicatesOut = z.object({
  radiusMeters: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      status: z.string(),
      location: z.object({ lat: z.number(), lon: z.number() }),
      text: z.string(),
      receivedAt: z.date(),
      distanceMeters: z.number(),
      similarity: z.number(),
      supporters: z.number(),
    }),
  ),
});

export const supportOut = z.object({ count: z.number(), supportedByMe: z.boolean() });

export const mergeIn = z.object({
  into: uuidSchema,
  comment: z.string().trim().max(2000).nullable().optional(),
});

export const mergeOut = z.object({
  duplicate: z.string(),
  original: z.string(),
  attachmentsLinked: z.number(),
  supporterAdded: z.boolean(),
});
