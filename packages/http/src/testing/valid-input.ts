import fc from 'fast-check';
import { z } from 'zod';

/** The subset of JSON Schema (2020-12) that zod's `toJSONSchema` produces for request schemas. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

const MAX_DEPTH = 6;

/** Removes lookaround groups (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`), which fast-check cannot generate from. */
function stripLookarounds(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const look = /^\(\?<?[=!]/.exec(pattern.slice(i));
    if (!look) {
      out += pattern[i]!;
      if (pattern[i] === '\\') out += pattern[++i] ?? '';
      continue;
    }
    let depth = 0;
    let inClass = false;
    for (; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
  }
  return out;
}

/** Strings matching a pattern; lookarounds are dropped for generation and checked afterwards. */
function patternArbitrary(pattern: string): fc.Arbitrary<string> {
  const re = new RegExp(pattern);
  try {
    return fc.stringMatching(re);
  } catch {
    return fc.stringMatching(new RegExp(stripLookarounds(pattern))).filter((v) => re.test(v));
  }
}

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 24, 24));
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.pattern)
    return patternArbitrary(s.pattern).filter(
      (v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity),
    );
  return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo =
    s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1000);
  const hi =
    s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1000);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = fromJsonSchema(v, depth + 1);
  const required = (s.required ?? []).filter((k) => k in props);
  const base = fc.record(model, { requiredKeys: required });
  if (!Object.keys(props).length && s.additionalProperties && typeof s.additionalProperties === 'object')
    return fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme-ascii' }),
      fromJsonSchema(s.additionalProperties, depth + 1),
      { maxKeys: 3 },
    );
  return base;
}

/** An arbitrary of values that satisfy a JSON Schema (as far as the subset above allows). */
export function fromJsonSchema(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromJsonSchema(a, depth + 1)));
  if (s.allOf?.length) return fromJsonSchema(Object.assign({}, ...s.allOf) as JsonSchema, depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => fromJsonSchema({ ...s, type: t }, depth)));
  if (depth > MAX_DEPTH) return fc.constant(null);
  switch (types[0]) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? fromJsonSchema(s.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectArbitrary(s, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export const isZodSchema = (schema: unknown): schema is z.ZodType => schema instanceof z.ZodType;

/**
 * An arbitrary of inputs shaped after the zod schema (from its JSON Schema): most are accepted,
 * refinements the JSON Schema cannot express may reject some. A base for hostile mutations.
 */
export function plausibleInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fromJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

/**
 * A few inputs the schema accepts, reproducibly (fixed seed): for tests that must get past
 * validation to reach the authorization or lookup they are about. Throws when none can be found.
 */
export function sampleValidInputs(schema: z.ZodType, count: number, seed = 42): unknown[] {
  const candidates = fc.sample(plausibleInput(schema), { numRuns: Math.max(200, count * 20), seed });
  const accepted = candidates.filter((v) => schema.safeParse(v).success).slice(0, count);
  if (!accepted.length)
    throw new Error(
      `could not generate an input this schema accepts: ${JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }))}`,
    );
  return accepted;
}
