import { municipalityParam, uuidSchema } from '@zemstvo/http';
import { z } from 'zod';
import { HEADS } from '../engine/routing-model.ts';

export const idParams = municipalityParam.extend({ id: uuidSchema });

const localized = z.object({ ru: z.string(), en: z.string() });
const suggestion = z.object({ value: z.string(), title: localized, confidence: z.number() });
const applied = z.object({ value: z.string(), accepted: z.boolean(), at: z.date() }).nullable();
const perHead = <T extends z.ZodType>(t: T) => z.object({ category: t, reason: t, executor: t });

export const routingOut = z.object({
  model: z.object({ id: z.string(), version: z.number(), trainedAt: z.date().nullable() }).nullable(),
  suggestions: perHead(z.array(suggestion)),
  current: perHead(z.string().nullable()),
  applied: perHead(applied),
});

export const feedbackIn = z.object({
  head: z.enum(HEADS),
  value: z.string().trim().min(1).max(500),
  accepted: z.boolean(),
});

export const trainOut = z.object({ jobId: z.number(), queued: z.boolean() });

export const modelsOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      jobId: z.number().nullable(),
      status: z.enum(['training', 'ready', 'skipped', 'failed']),
      statusNote: z.string().nullable(),
      statusReason: z.string().nullable(),
      requestedAt: z.date(),
      trainedAt: z.date().nullable(),
      examples: z.number(),
      metrics: z.record(z.string(), z.unknown()),
      active: z.boolean(),
    }),
  ),
});
