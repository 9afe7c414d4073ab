import type { FastifyInstance } from 'fastify';

const ATTRIBUTE_KEY_RE = /^attribute\[([^\]]{1,100})\](\[\])?$/;

type FormValue = string | string[];

/**
 * Folds flat `attribute[code]` (and multi-valued `attribute[code][]`) keys into one `attribute`
 * object, as GeoReport v2 form-encodes service attributes. JSON bodies may use either spelling.
 * Anything that is not a plain object is returned as it is, for validation to refuse.
 */
export function foldAttributes(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  const attribute: Record<string, unknown> = {};
  const given = (body as Record<string, unknown>).attribute;
  const givenObject = given !== null && typeof given === 'object' && !Array.isArray(given);
  if (givenObject) Object.assign(attribute, given);
  let folded = false;
  for (const [key, value] of Object.entries(body)) {
    const m = ATTRIBUTE_KEY_RE.exec(key);
    if (!m) {
      if (key !== 'attribute') out[key] = value;
      continue;
    }
    folded = true;
    const prior = attribute[m[1]!];
    attribute[m[1]!] = m[2]
      ? [...(Array.isArray(prior) ? prior : []), ...(Array.isArray(value) ? value : [value])]
      : value;
  }
  if (folded || givenObject) out.attribute = attribute;
  else if (given !== undefined) out.attribute = given;
  return out;
}

/** `application/x-www-form-urlencoded` to an object; a repeated key gives an array of its values. */
export function parseForm(text: string): Record<string, FormValue> {
  const out: Record<string, FormValue> = Object.create(null) as Record<string, FormValue>;
  for (const [key, value] of new URLSearchParams(text)) {
    const prior = out[key];
    out[key] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return { ...out };
}

/** Lets the scope read form-encoded bodies (the standard's encoding of POST requests). */
export function acceptFormBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, text, done) =>
    done(null, parseForm(String(text))),
  );
}
