import type { FormField } from '@zemstvo/catalog';

/**
 * Checks submitted values against a package's intake form: types, required fields, maximum
 * lengths, options. Pure: the same form and values always give the same answer.
 */
export type FormValue = string | boolean | string[] | { lat: number; lon: number };
export type FormValues = Record<string, FormValue>;

export interface FieldProblem {
  field: string;
  problem: 'unknown_field' | 'required' | 'type' | 'too_long' | 'format' | 'option';
  message: string;
}

/** Lengths used when a field declares no maxLength (the database still stores what passes). */
const DEFAULT_MAX: Readonly<Record<FormField['type'], number>> = {
  text: 1000,
  textarea: 20_000,
  email: 320,
  phone: 30,
  select: 100,
  checkbox: 0,
  location: 0,
  address: 1000,
  files: 20,
  date: 10,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{3,28}[0-9]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isValidDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

/** One field's value, normalized (trimmed strings), or the problem with it. */
function checkField(f: FormField, raw: unknown): { value: FormValue } | { problem: FieldProblem } {
  const fail = (problem: FieldProblem['problem'], message: string) => ({
    problem: { field: f.key, problem, message },
  });
  const max = f.maxLength ?? DEFAULT_MAX[f.type];
  switch (f.type) {
    case 'checkbox':
      if (typeof raw !== 'boolean') return fail('type', 'must be true or false');
      if (f.required && !raw) return fail('required', 'must be checked');
      return { value: raw };
    case 'location': {
      if (!isRecord(raw)) return fail('type', 'must be an object { lat, lon }');
      const { lat, lon } = raw;
      if (
        typeof lat !== 'number' ||
        typeof lon !== 'number' ||
        !Number.isFinite(lat) ||
        !Number.isFinite(lon)
      )
        return fail('type', 'lat and lon must be numbers');
      if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
        return fail('format', 'lat must be within ±90 and lon within ±180');
      return { value: { lat, lon } };
    }
    case 'files': {
      if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string'))
        return fail('type', 'must be a list of attachment ids');
      if (raw.length > max) return fail('too_long', `at most ${max} files`);
      if (!raw.every((x) => UUID.test(x))) return fail('format', 'attachment ids are UUIDs');
      return { value: [...new Set(raw)] };
    }
    default: {
      if (typeof raw !== 'string') return fail('type', 'must be text');
      const value = raw.trim();
      if (f.required && value === '') return fail('required', 'is required');
      if ([...value].length > max) return fail('too_long', `at most ${max} characters`);
      if (value === '') return { value };
      if (f.type === 'email' && !EMAIL.test(value)) return fail('format', 'is not an e-mail address');
      if (f.type === 'phone' && !PHONE.test(value)) return fail('format', 'is not a phone number');
      if (f.type === 'date' && !isValidDate(value)) return fail('format', 'must be a date YYYY-MM-DD');
      if (f.type === 'select' && !(f.options ?? []).some((o) => o.value === value))
        return fail('option', 'is not one of the options');
      return { value };
    }
  }
}

/**
 * Validates `values` against the form. Returns the normalized values (empty optional fields
 * dropped) or every problem found, one per field.
 */
export function validateIntakeForm(
  fields: readonly FormField[],
  values: Readonly<Record<string, unknown>>,
): { ok: true; values: FormValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const out: FormValues = {};
  const known = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(values))
    if (!known.has(key))
      problems.push({ field: key, problem: 'unknown_field', message: 'is not a field of this form' });
  for (const f of fields) {
    const raw = values[f.key];
    if (isEmpty(raw)) {
      if (f.required) problems.push({ field: f.key, problem: 'required', message: 'is required' });
      continue;
    }
    const checked = checkField(f, raw);
    if ('problem' in checked) problems.push(checked.problem);
    else if (!(typeof checked.value === 'string' && checked.value === '')) out[f.key] = checked.value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, values: out };
}

/** Reads a text value of the form (for the applicant's requisites). */
export function textOf(values: FormValues, key: string): string | null {
  const v = values[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The point of the first location field, if any. */
export function locationOf(
  fields: readonly FormField[],
  values: FormValues,
): { lat: number; lon: number } | null {
  for (const f of fields) {
    const v = values[f.key];
    if (f.type === 'location' && isRecord(v) && typeof v.lat === 'number' && typeof v.lon === 'number')
      return { lat: v.lat, lon: v.lon };
  }
  return null;
}

/** The appeal's text: the `text` field, else the first textarea. */
export function mainTextOf(fields: readonly FormField[], values: FormValues): string {
  const direct = textOf(values, 'text');
  if (direct) return direct;
  const area = fields.find((f) => f.type === 'textarea');
  return (area && textOf(values, area.key)) ?? '';
}

/** Attachment ids named by the form's files fields. */
export function attachmentIdsOf(fields: readonly FormField[], values: FormValues): string[] {
  return fields.flatMap((f) => {
    const v = values[f.key];
    return f.type === 'files' && Array.isArray(v) ? v : [];
  });
}
