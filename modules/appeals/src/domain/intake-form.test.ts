import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormField } from '@zemstvo/catalog';
import { attachmentIdsOf, locationOf, mainTextOf, validateIntakeForm } from './intake-form.ts';

const f = (over: Partial<FormField> & Pick<FormField, 'key' | 'type'>): FormField => ({
  label: { ru: over.key, en: over.key },
  required: false,
  personal: false,
  ...over,
});

const form: FormField[] = [
  f({ key: 'last_name', type: 'text', required: true, maxLength: 10 }),
  f({ key: 'email', type: 'email', maxLength: 320 }),
  f({ key: 'phone', type: 'phone' }),
  f({ key: 'text', type: 'textarea', required: true, maxLength: 50 }),
  f({ key: 'kind', type: 'select', options: [{ value: 'a', label: { ru: 'А', en: 'A' } }] }),
  f({ key: 'agree', type: 'checkbox', required: true }),
  f({ key: 'when', type: 'date' }),
  f({ key: 'where', type: 'location' }),
  f({ key: 'photos', type: 'files' }),
];

const problems = (values: Record<string, unknown>) => {
  const r = validateIntakeForm(form, values);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.problem}`);
};
const base = { last_name: 'Иванов', text: 'Яма', agree: true };

describe('intake form validation', () => {
  it('accepts a filled form and normalizes it (trimmed, empty optional fields dropped)', () => {
    const r = validateIntakeForm(form, {
      ...base,
      last_name: '  Иванов ',
      email: '',
      where: { lat: 56.8, lon: 61.3 },
      photos: [],
    });
    expect(r).toEqual({
      ok: true,
      values: { last_name: 'Иванов', text: 'Яма', agree: true, where: { lat: 56.8, lon: 61.3 } },
    });
  });

  it('names every problem: required, type, length, format, option, unknown field', () => {
    expect(problems({})).toEqual(['last_name:required', 'text:required', 'agree:required']);
    expect(problems({ ...base, agree: false })).toEqual(['agree:required']);
    expect(problems({ ...base, last_name: 'Оченьдлиннаяфамилия' })).toEqual(['last_name:too_long']);
    expect(problems({ ...base, email: 'not-mail' })).toEqual(['email:format']);
    expect(problems({ ...base, phone: 'call me' })).toEqual(['phone:format']);
    expect(problems({ ...base, kind: 'b' })).toEqual(['kind:option']);
    expect(problems({ ...base, when: '2026-02-30' })).toEqual(['when:format']);
    expect(problems({ ...base, where: { lat: 91, lon: 0 } })).toEqual(['where:format']);
    expect(problems({ ...base, where: 'Moscow' })).toEqual(['where:type']);
    expect(problems({ ...base, text: 5 })).toEqual(['text:type']);
    expect(problems({ ...base, photos: ['x'] })).toEqual(['photos:format']);
    expect(problems({ ...base, nickname: 'x' })).toEqual(['nickname:unknown_field']);
  });

  it('reads the text, the point and the attachments of the form', () => {
    const r = validateIntakeForm(form, {
      ...base,
      where: { lat: 1, lon: 2 },
      photos: ['0b9a1d3e-7f43-4c56-9a1e-2f3b4c5d6e7f'],
    });
    if (!r.ok) throw new Error('refused');
    expect(mainTextOf(form, r.values)).toBe('Яма');
    expect(locationOf(form, r.values)).toEqual({ lat: 1, lon: 2 });
    expect(attachmentIdsOf(form, r.values)).toEqual(['0b9a1d3e-7f43-4c56-9a1e-2f3b4c5d6e7f']);
  });

  it('property: text within maxLength is accepted, one character more is refused', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 50, unit: 'grapheme' })
          .filter((s) => s.trim() === s && s.length > 0),
        (text) => {
          const ok = validateIntakeForm(form, { ...base, text });
          expect(ok.ok).toBe([...text].length <= 50);
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 51, max: 200 }), (n) => {
        expect(problems({ ...base, text: 'я'.repeat(n) })).toEqual(['text:too_long']);
      }),
    );
  });

  it('property: any point inside the globe is accepted, any outside is refused', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        (lat, lon) => {
          const inside = Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
          expect(validateIntakeForm(form, { ...base, where: { lat, lon } }).ok).toBe(inside);
        },
      ),
    );
  });
});
