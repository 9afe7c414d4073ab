import { badRequest } from '@zemstvo/kernel';

// A NUL character, or half of a UTF-16 surrogate pair without its other half.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Only parsed JSON, query strings and params are walked (query objects may have a prototype of
// their own): never buffers, typed arrays, streams or other class instances.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return false;
  return Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Finds the first string (value or object key) in parsed input that PostgreSQL cannot store as
 * text: NUL characters are refused by the database, lone surrogates would be silently replaced
 * by U+FFFD when encoded to UTF-8. Walks iteratively, so deeply nested JSON cannot overflow the stack.
 * Returns the dotted path of the bad string (of its object for a bad key), or null.
 */
export function findUnstorableText(input: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (BAD_TEXT.test(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: path ? `${path}.${i}` : String(i) }));
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (BAD_TEXT.test(k)) return path;
        stack.push({ value: v, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return null;
}

/** Refuses input with text the database cannot store faithfully (400 `invalid_text`). */
export function assertStorableText(input: unknown, where: 'body' | 'querystring' | 'params'): void {
  const path = findUnstorableText(input);
  if (path !== null)
    throw badRequest('invalid_text', 'Text must be valid Unicode without NUL characters', { where, path });
}
