import { describe, expect, it } from 'vitest';
import type { IntakeField } from '../api/catalog.ts';
import { duplicateDraft } from './duplicate-draft.ts';

const label = { ru: 'x', en: 'x' };
const fields: IntakeField[] = [
  { key: 'place', type: 'location', label, required: true, personal: false },
  { key: 'details', type: 'textarea', label, required: true, personal: false },
];
const service = (publicByDefault: boolean) => ({
  slug: 'urban-reports',
  publicVisibility: { publicByDefault, duplicateRadiusMeters: 250 },
  intakeForm: { fields },
});

describe('the draft checked for duplicates', () => {
  it('takes the point as numbers and the first textarea as the text', () => {
    const values = { place: { lat: '56,8150', lon: '61.32' }, details: ' Сломаны качели ' };
    expect(duplicateDraft(service(true), 'yards', values)).toEqual({
      service: 'urban-reports',
      category: 'yards',
      lat: 56.815,
      lon: 61.32,
      text: 'Сломаны качели',
    });
  });

  it('is null without a point, without a category or when reports are not public', () => {
    const values = { place: { lat: '', lon: '' }, details: 'x' };
    expect(duplicateDraft(service(true), 'yards', values)).toBeNull();
    expect(duplicateDraft(service(true), '', { ...values, place: { lat: '56', lon: '61' } })).toBeNull();
    expect(
      duplicateDraft(service(false), 'yards', { ...values, place: { lat: '56', lon: '61' } }),
    ).toBeNull();
  });
});
