import { z } from 'zod';

/** The form of a municipality slug (also checked by the database). */
export const MUNICIPALITY_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Common request/response schemas shared by modules (also feed the OpenAPI document). */
export const municipalityParam = z.object({
  municipality: z
    .string()
    .regex(MUNICIPALITY_SLUG, 'municipality slug: lowercase latin letters, digits, dashes'),
});

export const uuidSchema = z.uuid({ message: 'must be a UUID' });

export const localizedTextSchema = z.object({
  ru: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
