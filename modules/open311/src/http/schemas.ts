import { z } from 'zod';

/**
 * Request schemas of the Open311 methods. Parameter names are the standard's (snake_case). This
 * endpoint serves several jurisdictions (municipalities), so `jurisdiction_id` is required
 * everywhere but in discovery.
 */
const missing = (name: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `${name} was not provided` : `${name} must be a single text value`;

export const jurisdictionId = z.string({ error: missing('jurisdiction_id') }).max(100);
/** Our extension: the language of names and descriptions (the municipality's Russian by default). */
export const localeParam = z.enum(['ru', 'en']).optional();
/** A parameter the standard lets a client repeat or comma-delimit. */
const listParam = z.union([z.string().max(4000), z.array(z.string().max(4000)).max(100)]).optional();

export const discoveryQuery = z.object({
  jurisdiction_id: z.string().max(100).optional(),
  locale: localeParam,
});
export const servicesQuery = z.object({ jurisdiction_id: jurisdictionId, locale: localeParam });

export const serviceCodeParams = z.object({ service_code: z.string().max(200) });
export const requestIdParams = z.object({ service_request_id: z.string().max(200) });
export const tokenParams = z.object({ token: z.string().max(200) });

export const requestsQuery = z.object({
  jurisdiction_id: jurisdictionId,
  service_request_id: listParam,
  service_code: listParam,
  start_date: z.string().max(40).optional(),
  end_date: z.string().max(40).optional(),
  status: listParam,
  locale: localeParam,
});

const coordinate = (name: string, limit: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^[+-]?\d{1,3}(\.\d{1,15})?$/, `${name} must be a decimal number`),
    ])
    .transform(Number)
    .pipe(z.number().min(-limit, `${name} is out of range`).max(limit, `${name} is out of range`));

const optionalText = (max: number) => z.string().max(max).optional();
const attributeValue = z.union([z.string().max(20_000), z.array(z.string().max(20_000)).max(20)]);

/** POST requests: form-encoded as the standard says, or JSON with the same names. */
export const postRequestBody = z.object({
  api_key: optionalText(200),
  jurisdiction_id: jurisdictionId,
  service_code: z
    .string({ error: missing('service_code') })
    .min(1)
    .max(200),
  lat: coordinate('lat', 90).optional(),
  long: coordinate('long', 180).optional(),
  address_string: optionalText(500),
  address_id: optionalText(100),
  email: optionalText(320),
  device_id: optionalText(200),
  account_id: optionalText(200),
  first_name: optionalText(100),
  last_name: optionalText(100),
  phone: optionalText(30),
  description: optionalText(20_000),
  media_url: optionalText(2000),
  /** `attribute[code]=value` pairs (form-encoded bodies are folded into this object). */
  attribute: z.record(z.string().max(100), attributeValue).optional(),
  locale: localeParam,
});
export type PostRequestBody = z.infer<typeof postRequestBody>;
