import fc from 'fast-check';

/** Strings that have broken web applications: injection, markup, control and odd Unicode, bad ids. */
const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "1'); SELECT pg_sleep(5); --",
  '$1',
  '%s%s%s%n',
  '\\',
  '\\u0000',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud800y',
  '\udc00\ud800',
  '\uffff\ufffe',
  '\u202eevil',
  '🏛️👩‍👩‍👧 Ёжик',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '',
  ' ',
  '\t\r\n',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '12345678-1234-1234-1234-1234567890ab',
  'not-a-uuid',
  'zarechny',
  'sosnovka',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.uuid(), weight: 1 },
  // Longer than any text field accepts.
  { arbitrary: fc.integer({ min: 301, max: 20_000 }).map((n) => 'ы'.repeat(n)), weight: 1 },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1, 2 ** 63, 0.5, 1e-300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value, with hostile leaves, a few levels deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

type Path = (string | number)[];

function pathsOf(value: unknown): Path[] {
  const out: Path[] = [[]];
  const stack: { v: unknown; path: Path }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    const children: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : v && typeof v === 'object'
        ? Object.entries(v)
        : [];
    for (const [step, x] of children) {
      out.push([...path, step]);
      stack.push({ v: x, path: [...path, step] });
    }
  }
  return out;
}

/** Replaces, deletes or adds one field of an otherwise plausible value. */
function mutate(base: unknown, hostile: unknown, pick: number, how: 'replace' | 'delete' | 'add'): unknown {
  const copy: unknown = structuredClone(base);
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length]!;
  if (!path.length) return how === 'add' ? { value: copy, extra: hostile } : hostile;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'delete' && !Array.isArray(parent)) delete parent[last];
  else if (how === 'add' && !Array.isArray(parent)) parent[`${String(last)}_extra`] = hostile;
  else parent[last] = hostile;
  return copy;
}

const INVALID_JSON = [
  '{',
  '{"a":',
  "{'a': 1}",
  '{"a": 1,}',
  '[1, 2',
  'NaN',
  'undefined',
  '\ufeff{}',
  '{"a": "\\x41"}',
  '{"a": "\\ud800"}',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"admin": true}}}',
  '{"a": 1} {"b": 2}',
  '\u0000',
  ' ',
];

/** `depth` levels of nesting, optionally with a prototype-pollution key at the bottom. */
const deepJson = (depth: number, poison: boolean) =>
  '{"a":'.repeat(depth) + (poison ? '{"__proto__":{"x":1}}' : '[]') + '}'.repeat(depth);

export interface HostileBody {
  payload: string | undefined;
  contentType: string | undefined;
}

const ODD_CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----zemstvo',
  'application/xml',
  'application/octet-stream',
  'application/json;;;;',
  '*/*',
  '',
];

/** A request body: wrong types, mutated plausible input, broken JSON, deep nesting, oversize, or none. */
export function hostileBody(plausible: fc.Arbitrary<unknown> | null): fc.Arbitrary<HostileBody> {
  const base = plausible ?? hostileValue;
  const text = fc.oneof(
    { arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null'), weight: 4 },
    {
      arbitrary: fc
        .tuple(
          base,
          hostileValue,
          fc.nat(),
          fc.constantFrom('replace', 'delete', 'add') as fc.Arbitrary<'replace'>,
        )
        .map(([b, h, n, how]) => JSON.stringify(mutate(b, h, n, how)) ?? 'null'),
      weight: 6,
    },
    { arbitrary: fc.constantFrom(...INVALID_JSON), weight: 2 },
    {
      arbitrary: base.chain((b) =>
        fc.nat().map((n) => {
          const s = JSON.stringify(b) ?? '';
          return s.slice(0, n % (s.length + 1));
        }),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fc.integer({ min: 50, max: 50_000 }), fc.boolean()).map(([d, p]) => deepJson(d, p)),
      weight: 1,
    },
    // Around and above the 1 MB body limit.
    {
      arbitrary: fc
        .integer({ min: 900_000, max: 2_100_000 })
        .map((n) => JSON.stringify({ nameRu: 'я'.repeat(n / 2), email: 'a'.repeat(n / 2) })),
      weight: 1,
    },
  );
  return fc.oneof(
    { arbitrary: fc.record({ payload: text, contentType: fc.constant('application/json') }), weight: 7 },
    {
      arbitrary: fc.record({ payload: text, contentType: fc.constantFrom(...ODD_CONTENT_TYPES) }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        payload: fc.constant(undefined),
        contentType: fc.constantFrom(undefined, 'application/json'),
      }),
      weight: 1,
    },
  );
}

/** Percent-encodes like a browser would, and still produces something for lone surrogates. */
export function encodeLoose(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .replace(/[\ud800-\udfff]/g, '\u0001')
      .split('\u0001')
      .map(encodeURIComponent)
      .join('%ED%A0%80');
  }
}

/** A path segment: a valid value most often, else hostile text, raw percent garbage or a random UUID. */
export function hostileSegment(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...valid).map(encodeLoose), weight: 12 },
    // Never a dot segment: clients (light-my-request too) resolve `..` before sending, so such a
    // request would reach another route than the one under test.
    { arbitrary: hostileString.filter((s) => s !== '.' && s !== '..').map(encodeLoose), weight: 3 },
    { arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '%2F', '%5C', '%ZZ', 'a'.repeat(250)), weight: 1 },
    { arbitrary: fc.uuid(), weight: 1 },
  );
}

/** A query string: a plausible one, hostile keys and values, or raw garbage. */
export function hostileQuery(plausible: fc.Arbitrary<string> | null): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: plausible ?? fc.constant(''), weight: 3 },
    {
      arbitrary: fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom('limit', 'offset', 'q', 'returnTo', '__proto__'), hostileString),
            fc.oneof(hostileString, hostileNumber.map(String)),
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((pairs) => '?' + pairs.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join('&')),
      weight: 4,
    },
    {
      arbitrary: fc.constantFrom(
        '?&&&',
        '?a=%',
        '?limit=1&limit=2',
        '?limit=-5',
        '?limit=1e400',
        '?offset=99999999999999999999999',
        '?__proto__[x]=1',
        '?a[b][c]=d',
        '?limit=%00',
        `?${'a=1&'.repeat(3000)}`,
      ),
      weight: 2,
    },
  );
}

/** Printable-ASCII header values (Node refuses others before they reach the server). */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('', 'a'.repeat(129), '../..', "' OR 1=1", 'valid-request-id-123'),
);
