import { createHash } from 'node:crypto';
import { textOf, type FormValues } from './intake-form.ts';

/** The applicant's requisites as the intake form gives them (the keys the shipped packages use). */
export interface ApplicantRequisites {
  name: string | null;
  email: string | null;
  postalAddress: string | null;
  phone: string | null;
  /** Name parts, for masking them in published texts. */
  nameParts: string[];
}

export function applicantFromForm(
  values: FormValues,
  fallback: { name: string | null; email: string | null },
): ApplicantRequisites {
  const parts = ['last_name', 'first_name', 'patronymic', 'name']
    .map((k) => textOf(values, k))
    .filter((x): x is string => x !== null);
  const name = parts.length ? parts.join(' ') : fallback.name;
  return {
    name,
    email: textOf(values, 'email') ?? fallback.email,
    postalAddress: textOf(values, 'postal_address'),
    phone: textOf(values, 'phone'),
    nameParts: parts.length ? parts : fallback.name ? [fallback.name] : [],
  };
}

/** JSON with object keys sorted, so equal requests hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export const requestHash = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex');
