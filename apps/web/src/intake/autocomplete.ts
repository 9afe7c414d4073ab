import type { IntakeField } from '../api/catalog.ts';

/** Well-known keys of package forms and the browser autofill token for each (WCAG 1.3.5). */
const BY_KEY: Readonly<Record<string, string>> = {
  last_name: 'family-name',
  first_name: 'given-name',
  patronymic: 'additional-name',
  name: 'name',
  postal_address: 'street-address',
};

const BY_TYPE: Partial<Record<IntakeField['type'], string>> = { email: 'email', phone: 'tel' };

/** The autocomplete attribute for a field that asks for the resident's own data; `off` otherwise. */
export const autocompleteFor = (field: IntakeField): string =>
  (field.personal ? (BY_KEY[field.key] ?? BY_TYPE[field.type]) : undefined) ?? 'off';
