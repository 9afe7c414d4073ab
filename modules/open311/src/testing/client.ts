import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import { open311ErrorProblem } from './error-shape.ts';

export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['json', 'xml'];

/** Elements that GeoReport v2 repeats inside a list: always read as arrays. */
const LIST_ITEMS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);

/** Reads the XML back as text values (no number or boolean guessing), lists as arrays. */
export const xmlParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => LIST_ITEMS.has(name),
});

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Parsed {
  res: LightMyRequestResponse;
  /** The JSON body, or the XML document (its declaration's attributes under `?xml`). */
  body: Json;
}

/** Checks the content type and encoding of the format and parses the body. */
export function parseOpen311(res: LightMyRequestResponse, format: Format): Parsed {
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return { res, body: res.json<Json>() };
  }
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xmlParser.parse(res.body, true)).toBeTruthy();
  return { res, body: xmlParser.parse(res.body) as Json };
}

/** The list a response holds, in either format: JSON's array, or the items under XML's root. */
export function itemsOf(parsed: Parsed, format: Format, root: string, item: string): Record<string, Json>[] {
  if (format === 'json') {
    expect(Array.isArray(parsed.body)).toBe(true);
    return parsed.body as Record<string, Json>[];
  }
  const doc = parsed.body as Record<string, Json>;
  expect(Object.keys(doc).filter((k) => k !== '?xml')).toEqual([root]);
  const rootNode = doc[root];
  if (rootNode === '' || rootNode === undefined) return [];
  return ((rootNode as Record<string, Json>)[item] ?? []) as Record<string, Json>[];
}

/** The single document a response holds (`<service_definition>`, `<discovery>`). */
export function documentOf(parsed: Parsed, format: Format, root: string): Record<string, Json> {
  if (format === 'json') return parsed.body as Record<string, Json>;
  const doc = parsed.body as Record<string, Json>;
  expect(Object.keys(doc).filter((k) => k !== '?xml')).toEqual([root]);
  return doc[root] as Record<string, Json>;
}

/** XML carries text: a JSON value as the text XML shows for it. */
export const asText = (v: Json | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Asserts a GeoReport v2 error response with this status and a description matching `pattern`. */
export function expectOpen311Error(
  res: LightMyRequestResponse,
  format: Format,
  status: number,
  pattern: RegExp,
): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(open311ErrorProblem(res)).toBeNull();
  const errors = itemsOf(parseOpen311(res, format), format, 'errors', 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(asText(e.code)).toBe(String(status));
  expect(errors.map((e) => asText(e.description)).join(' | ')).toMatch(pattern);
}

export function get(app: FastifyInstance, path: string, query: Record<string, string> = {}) {
  const qs = new URLSearchParams(query).toString();
  return app.inject({ method: 'GET', url: `/open311/v2/${path}${qs ? `?${qs}` : ''}` });
}

/** Posts a service request form-encoded (the standard's encoding) or as JSON. */
export function post(
  app: FastifyInstance,
  format: Format,
  fields: Record<string, string>,
  opts: { json?: boolean; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: {
      'content-type': opts.json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...opts.headers,
    },
    payload: opts.json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
}

/** Issues an API token of a municipality as its admin (what a municipality gives an Open311 client). */
export async function issueApiKey(
  app: FastifyInstance,
  admin: { headers: Record<string, string> },
  municipality: string,
  permissions: string[],
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/m/${municipality}/tokens`,
    headers: admin.headers,
    payload: { name: `Open311 client (${permissions.join(', ')})`, permissions },
  });
  if (res.statusCode !== 201) throw new Error(`token for ${municipality}: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}
