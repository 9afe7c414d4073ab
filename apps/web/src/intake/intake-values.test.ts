import { describe, expect, it } from 'vitest';
import type { IntakeField } from '../api/catalog.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import {
  initialValues,
  intakePayload,
  parseCoordinate,
  pointOf,
  validateIntake,
  type IntakeValues,
} from './intake-values.ts';

const label = { ru: 'Поле', en: 'Field' };
const field = (key: string, type: IntakeField['type'], extra: Partial<IntakeField> = {}): IntakeField => ({
  key,
  type,
  label,
  required: false,
  personal: false,
  ...extra,
});

/** The fields of the urban-reports package's form (a point, an address, text, photos, name, e-mail). */
const report: IntakeField[] = [
  field('location', 'location', { required: true }),
  field('address', 'address', { maxLength: 500 }),
  field('text', 'textarea', { required: true, maxLength: 20 }),
  field('photos', 'files'),
  field('name', 'text', { personal: true }),
  field('email', 'email', { personal: true }),
];

const filled = (over: IntakeValues): IntakeValues => ({ ...initialValues(report), ...over });

describe('intake form values', () => {
  it('starts empty, with the signed-in resident’s e-mail and name where the form asks for them', () => {
    expect(initialValues(report, { email: 'r@example.ru', name: 'Иван' })).toEqual({
      location: { lat: '', lon: '' },
      address: '',
      text: '',
      photos: [],
      name: 'Иван',
      email: 'r@example.ru',
    });
  });

  it('reads coordinates typed with a comma or spaces, and refuses words and out-of-range degrees', () => {
    expect(parseCoordinate(' 55,7512 ')).toBe(55.7512);
    expect(parseCoordinate('-37.6')).toBe(-37.6);
    expect(parseCoordinate('север')).toBeNaN();
    expect(pointOf({ lat: '91', lon: '10' })).toBeNull();
    expect(pointOf({ lat: '55.1', lon: '181' })).toBeNull();
    expect(pointOf({ lat: '55.1', lon: '37.2' })).toEqual({ lat: 55.1, lon: 37.2 });
    expect(pointOf({ lat: '', lon: '' })).toBeNull();
  });

  it('names the missing required fields and the malformed ones, in the form’s order', () => {
    const errors = validateIntake(report, filled({ text: '   ', email: 'not-an-email' }));
    expect([...errors]).toEqual([
      ['location', { key: 'required' }],
      ['text', { key: 'required' }],
      ['email', { key: 'email' }],
    ]);
  });

  it('accepts an address instead of a point on the map (the form works without map tiles)', () => {
    const errors = validateIntake(report, filled({ address: 'ул. Ленина, 1', text: 'Яма' }));
    expect(errors.size).toBe(0);
  });

  it('refuses a half-typed point even when the point is optional', () => {
    const optional = [field('where', 'location')];
    expect(validateIntake(optional, { where: { lat: '55.1', lon: '' } }).get('where')).toEqual({
      key: 'location',
    });
    expect(validateIntake(optional, { where: { lat: '', lon: '' } }).size).toBe(0);
  });

  it('checks length, phone, date, select options and required checkboxes', () => {
    const form = [
      field('text', 'textarea', { maxLength: 5 }),
      field('phone', 'phone'),
      field('day', 'date'),
      field('kind', 'select', { options: [{ value: 'a', label }] }),
      field('agree', 'checkbox', { required: true }),
      field('files', 'files', { required: true }),
    ];
    const errors = validateIntake(form, {
      text: 'слишком длинно',
      phone: 'звоните',
      day: '01.02.2026',
      kind: 'b',
      agree: false,
      files: [],
    });
    expect(Object.fromEntries(errors)).toEqual({
      text: { key: 'tooLong', params: { max: 5 } },
      phone: { key: 'phone' },
      day: { key: 'date' },
      kind: { key: 'option' },
      agree: { key: 'required' },
      files: { key: 'required' },
    });
    expect(
      validateIntake(form, {
        text: 'ок',
        phone: '+7 (900) 123-45-67',
        day: '2026-02-01',
        kind: 'a',
        agree: true,
        files: [new File(['x'], 'a.jpg')],
      }).size,
    ).toBe(0);
  });

  it('sends trimmed text, the point as numbers and the files apart; empty optional text is left out', () => {
    const photo = new File(['jpeg'], 'yama.jpg', { type: 'image/jpeg' });
    const payload = intakePayload(
      report,
      filled({ location: { lat: '55,75', lon: '37.61' }, text: '  Яма у дома  ', photos: [photo], name: '' }),
    );
    expect(payload).toEqual({
      fields: { location: { lat: 55.75, lon: 37.61 }, text: 'Яма у дома' },
      files: { photos: [photo] },
    });
    expect(intakePayload(report, filled({ text: 'Яма' }))).toEqual({ fields: { text: 'Яма' }, files: {} });
  });
});

describe('idempotency keys', () => {
  it('are fresh UUID v4 strings', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('are built from getRandomValues where randomUUID is missing (plain-http installations)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
