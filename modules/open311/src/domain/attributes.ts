import type { FormField } from '@zemstvo/catalog';
import { pick, type Locale } from '@zemstvo/kernel';
import { parseW3DateTime } from './dates.ts';

/**
 * The intake form of a package, seen through GeoReport v2: fields the standard already has a
 * parameter for (location → lat/long, the main text → description, photos → media_url, the
 * applicant's name, e-mail and phone) are filled from those parameters; every other field becomes a
 * service attribute (`attribute[<field key>]`) in the service definition.
 */
export type StandardParameter =
  | 'location'
  | 'address_string'
  | 'description'
  | 'media_url'
  | 'email'
  | 'phone'
  | 'first_name'
  | 'last_name'
  | 'full_name';

export type AttributeDatatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface AttributeValue {
  key: string;
  name: string;
}

/** One attribute of a service definition, as GeoReport v2 names its parts. */
export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: AttributeValue[];
}

function standardCandidate(field: FormField): StandardParameter | null {
  switch (field.type) {
    case 'location':
      return 'location';
    case 'files':
      return 'media_url';
    case 'email':
      return 'email';
    case 'phone':
      return 'phone';
    default:
      break;
  }
  if (field.key === 'text' && field.type === 'textarea') return 'description';
  if (field.key === 'address' && field.type === 'address') return 'address_string';
  if (field.key === 'first_name' || field.key === 'last_name') return field.key;
  if (field.key === 'name' && field.type === 'text') return 'full_name';
  return null;
}

/** Which intake field each standard parameter fills (the first field that fits), and the rest. */
export function splitIntakeForm(fields: readonly FormField[]): {
  standard: Map<StandardParameter, FormField>;
  attributes: FormField[];
} {
  const standard = new Map<StandardParameter, FormField>();
  const attributes: FormField[] = [];
  for (const field of fields) {
    const param = standardCandidate(field);
    if (param && !standard.has(param)) standard.set(param, field);
    else if (field.type !== 'location' && field.type !== 'files') attributes.push(field);
  }
  return { standard, attributes };
}

const YES_NO = { ru: ['Да', 'Нет'], en: ['Yes', 'No'] } as const;
const DATETIME_HINT = {
  ru: 'Дата и время в формате W3C, например 2026-03-01T10:00:00+03:00',
  en: 'A W3C date and time, e.g. 2026-03-01T10:00:00+03:00',
};
const MAX_LENGTH_HINT = { ru: 'Не длиннее {n} символов', en: 'At most {n} characters' };

function datatypeOf(field: FormField): AttributeDatatype {
  switch (field.type) {
    case 'textarea':
      return 'text';
    case 'select':
    case 'checkbox':
      return 'singlevaluelist';
    case 'date':
      return 'datetime';
    default:
      return 'string';
  }
}

function valuesOf(field: FormField, locale: Locale): AttributeValue[] | undefined {
  if (field.type === 'checkbox')
    return [
      { key: 'true', name: YES_NO[locale][0] },
      { key: 'false', name: YES_NO[locale][1] },
    ];
  if (field.type === 'select')
    return (field.options ?? []).map((o) => ({ key: o.value, name: pick(o.label, locale) }));
  return undefined;
}

function datatypeDescription(field: FormField, locale: Locale): string | null {
  if (field.hint) return pick(field.hint, locale);
  if (field.type === 'date') return DATETIME_HINT[locale];
  if (field.maxLength) return MAX_LENGTH_HINT[locale].replace('{n}', String(field.maxLength));
  return null;
}

/** The attributes of a service definition, in the order of the intake form. */
export function serviceAttributes(fields: readonly FormField[], locale: Locale): ServiceAttribute[] {
  return splitIntakeForm(fields).attributes.map((field, i) => {
    const values = valuesOf(field, locale);
    return {
      variable: true,
      code: field.key,
      datatype: datatypeOf(field),
      required: field.required,
      datatype_description: datatypeDescription(field, locale),
      order: i + 1,
      description: pick(field.label, locale),
      ...(values ? { values } : {}),
    };
  });
}

export interface AttributeProblem {
  code: string;
  message: string;
}

/**
 * Checks the submitted `attribute[code]` values against the service definition: every required
 * attribute present, no unknown codes, list values among the allowed keys, datetimes in W3C form,
 * texts within their maximum length. Returns the values by field key, or the problems found.
 */
export function validateAttributes(
  fields: readonly FormField[],
  submitted: Readonly<Record<string, string | readonly string[]>>,
): { values: Record<string, string>; problems: AttributeProblem[] } {
  const attributes = splitIntakeForm(fields).attributes;
  const byKey = new Map(attributes.map((f) => [f.key, f]));
  const problems: AttributeProblem[] = [];
  const values: Record<string, string> = {};
  for (const code of Object.keys(submitted))
    if (!byKey.has(code))
      problems.push({ code, message: `attribute[${code}] is not an attribute of this service` });
  for (const field of attributes) {
    const raw = submitted[field.key];
    if (Array.isArray(raw) && raw.length > 1) {
      problems.push({ code: field.key, message: `attribute[${field.key}] takes a single value` });
      continue;
    }
    const value = (typeof raw === 'string' ? raw : (raw?.[0] ?? '')).trim();
    if (!value) {
      if (field.required) problems.push({ code: field.key, message: `attribute[${field.key}] is required` });
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems.push({ code: field.key, message: `attribute[${field.key}] ${problem}` });
    else values[field.key] = field.type === 'date' ? parseW3DateTime(value)!.toISOString() : value;
  }
  return { values, problems };
}

function valueProblem(field: FormField, value: string): string | null {
  const allowed = valuesOf(field, 'ru')?.map((v) => v.key);
  if (allowed && !allowed.includes(value)) return `must be one of: ${allowed.join(', ')}`;
  if (field.type === 'date' && !parseW3DateTime(value)) return 'must be a W3C datetime';
  if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'must be an e-mail address';
  if (field.maxLength && value.length > field.maxLength)
    return `must be at most ${field.maxLength} characters`;
  return null;
}
