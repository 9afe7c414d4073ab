import type { LightMyRequestResponse } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

const jsonErrors = z
  .array(z.strictObject({ code: z.number().int().min(400).max(599), description: z.string().min(1) }))
  .min(1);
const xmlError = z.strictObject({ code: z.number().int().min(400).max(599), description: z.string().min(1) });
const xmlErrors = z.strictObject({
  '?xml': z.unknown(),
  errors: z.strictObject({ error: z.union([xmlError, z.array(xmlError).min(1)]) }),
});

/** Parses GeoReport v2 XML as the conformance tests read it (the declaration's attributes kept). */
export const open311XmlParser = new XMLParser({ ignoreAttributes: false, parseTagValue: true });

/**
 * Null when the response is a GeoReport v2 error — an array of `{code, description}` in JSON, or
 * `<errors><error><code/><description/></error></errors>` in XML — whose codes are the HTTP
 * status, without internals; else what is wrong with it.
 */
export function open311ErrorProblem(res: LightMyRequestResponse): string | null {
  const type = String(res.headers['content-type'] ?? '');
  if (/\n\s+at |"stack"/.test(res.body)) return 'body carries a stack trace';
  let codes: number[];
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return 'body is not JSON';
    }
    const parsed = jsonErrors.safeParse(body);
    if (!parsed.success) return `not an Open311 error array: ${res.body.slice(0, 200)}`;
    codes = parsed.data.map((e) => e.code);
  } else if (type.startsWith('text/xml')) {
    if (!res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>'))
      return 'no XML declaration with UTF-8';
    const parsed = xmlErrors.safeParse(open311XmlParser.parse(res.body));
    if (!parsed.success) return `not an Open311 <errors> document: ${res.body.slice(0, 200)}`;
    const error = parsed.data.errors.error;
    codes = (Array.isArray(error) ? error : [error]).map((e) => e.code);
  } else return `content-type ${type}`;
  return codes.every((c) => c === res.statusCode)
    ? null
    : `error codes ${codes.join(',')} are not the status ${res.statusCode}`;
}
