/**
 * The values of an intake form generated from a package's fields: their initial state, the checks
 * the browser can make before sending (the server checks again), and the payload sent.
 */
import type { IntakeField } from '../api/catalog.ts';

/** Coordinates as typed (strings, so a half-typed "55." is kept); WGS84 degrees. */
export interface LocationValue {
  lat: string;
  lon: string;
}

export type IntakeValue = string | boolean | LocationValue | File[];
export type IntakeValues = Record<string, IntakeValue>;

/** A message at a field: a translation key under `intake.errors` and its parameters. */
export interface FieldMessage {
  key: 'required' | 'tooLong' | 'email' | 'phone' | 'date' | 'location' | 'option';
  params?: Record<string, number | string>;
}

export interface Point {
  lat: number;
  lon: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{5,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptyValue(field: IntakeField): IntakeValue {
  switch (field.type) {
    case 'checkbox':
      return false;
    case 'files':
      return [];
    case 'location':
      return { lat: '', lon: '' };
    default:
      return '';
  }
}

/** What a signed-in resident need not type again: their e-mail and name, in the fields that ask for them. */
export interface Prefill {
  email?: string;
  name?: string;
}

export function initialValues(fields: readonly IntakeField[], prefill: Prefill = {}): IntakeValues {
  const values: IntakeValues = {};
  for (const f of fields) {
    values[f.key] = emptyValue(f);
    if (f.type === 'email' && prefill.email) values[f.key] = prefill.email;
    if (f.type === 'text' && f.key === 'name' && prefill.name) values[f.key] = prefill.name;
  }
  return values;
}

const asText = (v: IntakeValue | undefined): string => (typeof v === 'string' ? v : '');
const asFiles = (v: IntakeValue | undefined): File[] => (Array.isArray(v) ? v : []);
const asLocation = (v: IntakeValue | undefined): LocationValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : { lat: '', lon: '' };

/** A coordinate as people type it: "55.7512", "55,7512", " 37.6 ". NaN when it is not a number. */
export function parseCoordinate(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^[-+]?\d{1,3}(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The point of a location value, or null when it is empty or out of range. */
export function pointOf(value: LocationValue): Point | null {
  const lat = parseCoordinate(value.lat);
  const lon = parseCoordinate(value.lon);
  if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) return null;
  return { lat, lon };
}

/** Degrees with 6 decimals (about 10 cm), as the form shows a point set on the map. */
export const formatCoordinate = (n: number): string => n.toFixed(6);

/** A filled address field can stand in for a required point: staff find the place by its address. */
const addressGiven = (fields: readonly IntakeField[], values: IntakeValues) =>
  fields.some((f) => f.type === 'address' && asText(values[f.key]).trim() !== '');

function checkField(
  field: IntakeField,
  value: IntakeValue | undefined,
  addressStandsIn: boolean,
): FieldMessage | null {
  switch (field.type) {
    case 'checkbox':
      return field.required && value !== true ? { key: 'required' } : null;
    case 'files':
      return field.required && asFiles(value).length === 0 ? { key: 'required' } : null;
    case 'location': {
      const loc = asLocation(value);
      const typed = loc.lat.trim() !== '' || loc.lon.trim() !== '';
      if (typed) return pointOf(loc) ? null : { key: 'location' };
      return field.required && !addressStandsIn ? { key: 'required' } : null;
    }
    default: {
      const text = asText(value).trim();
      if (text === '') return field.required ? { key: 'required' } : null;
      if (field.maxLength !== undefined && text.length > field.maxLength)
        return { key: 'tooLong', params: { max: field.maxLength } };
      if (field.type === 'email' && !EMAIL.test(text)) return { key: 'email' };
      if (field.type === 'phone' && !PHONE.test(text)) return { key: 'phone' };
      if (field.type === 'date' && !DATE.test(text)) return { key: 'date' };
      if (field.type === 'select' && field.options && !field.options.some((o) => o.value === text))
        return { key: 'option' };
      return null;
    }
  }
}

/** The fields that cannot be sent as they are, in the form's order. */
export function validateIntake(
  fields: readonly IntakeField[],
  values: IntakeValues,
): Map<string, FieldMessage> {
  const out = new Map<string, FieldMessage>();
  const addressStandsIn = addressGiven(fields, values);
  for (const f of fields) {
    const message = checkField(f, values[f.key], addressStandsIn);
    if (message) out.set(f.key, message);
  }
  return out;
}

/**
 * What the form sends: the package's fields by key (trimmed text, checkboxes, the point as numbers;
 * empty optional fields left out), and the chosen files per files field. The files are uploaded
 * first; their attachment ids then become the value of their field.
 */
export interface IntakePayload {
  fields: Record<string, string | boolean | Point>;
  files: Record<string, File[]>;
}

export function intakePayload(fields: readonly IntakeField[], values: IntakeValues): IntakePayload {
  const out: IntakePayload = { fields: {}, files: {} };
  for (const f of fields) {
    const v = values[f.key];
    if (f.type === 'files') {
      const files = asFiles(v);
      if (files.length) out.files[f.key] = files;
    } else if (f.type === 'location') {
      const point = pointOf(asLocation(v));
      if (point) out.fields[f.key] = point;
    } else if (f.type === 'checkbox') out.fields[f.key] = v === true;
    else {
      const text = asText(v).trim();
      if (text !== '') out.fields[f.key] = text;
    }
  }
  return out;
}
