import { describe, expect, it } from 'vitest';
import type { FormField } from '@zemstvo/catalog';
import { serviceAttributes, splitIntakeForm, validateAttributes } from './attributes.ts';
import { endOfLocalDay, formatW3DateTime, parseW3DateTime } from './dates.ts';
import { MAX_RESULTS, requestSearch } from './request-query.ts';
import { parseServiceCode, serviceCodeOf } from './service-code.ts';
import { open311Status } from './statuses.ts';
import { mapSubmission } from './submission.ts';

const field = (f: Partial<FormField> & Pick<FormField, 'key' | 'type'>): FormField => ({
  label: { ru: f.key, en: f.key },
  required: false,
  personal: false,
  ...f,
});

const FORM: FormField[] = [
  field({ key: 'location', type: 'location', required: true }),
  field({ key: 'address', type: 'address' }),
  field({ key: 'text', type: 'textarea', required: true }),
  field({ key: 'photos', type: 'files' }),
  field({ key: 'name', type: 'text' }),
  field({ key: 'email', type: 'email' }),
  field({
    key: 'surface',
    type: 'select',
    required: true,
    options: [
      { value: 'asphalt', label: { ru: 'Асфальт', en: 'Asphalt' } },
      { value: 'gravel', label: { ru: 'Щебень', en: 'Gravel' } },
    ],
  }),
  field({ key: 'dangerous', type: 'checkbox' }),
  field({ key: 'noticed_on', type: 'date' }),
  field({ key: 'details', type: 'textarea', maxLength: 10 }),
];

describe('W3C datetimes', () => {
  it('reads offsets, Z and bare dates, and refuses impossible dates', () => {
    expect(parseW3DateTime('2026-03-01T10:00:00+03:00')?.toISOString()).toBe('2026-03-01T07:00:00.000Z');
    expect(parseW3DateTime('2026-03-01T10:00:00.5Z')?.toISOString()).toBe('2026-03-01T10:00:00.500Z');
    expect(parseW3DateTime('2026-03-01')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2026-13-01',
      '2026-03-01T24:00:00Z',
      '2026-03-01T10:00:00',
      'yesterday',
      '',
    ])
      expect(parseW3DateTime(bad), bad).toBeNull();
  });

  it('writes local time with the municipality’s offset, and a due date as the end of that day', () => {
    expect(formatW3DateTime(new Date('2026-03-01T07:00:00Z'), 'Europe/Moscow')).toBe(
      '2026-03-01T10:00:00+03:00',
    );
    expect(formatW3DateTime(new Date('2026-03-01T07:00:00Z'), 'Asia/Vladivostok')).toBe(
      '2026-03-01T17:00:00+10:00',
    );
    expect(endOfLocalDay('2026-03-31', 'Europe/Moscow')).toBe('2026-03-31T23:59:59+03:00');
  });
});

describe('service codes', () => {
  it('are <instance>.<category> and split back', () => {
    expect(serviceCodeOf('urban-reports', 'roads')).toBe('urban-reports.roads');
    expect(parseServiceCode('urban-reports.roads')).toEqual({
      instanceSlug: 'urban-reports',
      categoryCode: 'roads',
    });
    for (const bad of ['roads', 'a.b.c', '.roads', 'Urban.roads', 'urban-reports.'])
      expect(parseServiceCode(bad), bad).toBeNull();
  });
});

describe('attributes from an intake form', () => {
  it('leaves the standard parameters out and types the rest', () => {
    const { standard } = splitIntakeForm(FORM);
    expect([...standard.keys()]).toEqual([
      'location',
      'address_string',
      'description',
      'media_url',
      'full_name',
      'email',
    ]);
    const attributes = serviceAttributes(FORM, 'en');
    expect(attributes.map((a) => [a.code, a.datatype, a.required, a.order])).toEqual([
      ['surface', 'singlevaluelist', true, 1],
      ['dangerous', 'singlevaluelist', false, 2],
      ['noticed_on', 'datetime', false, 3],
      ['details', 'text', false, 4],
    ]);
    expect(attributes[0]!.values).toEqual([
      { key: 'asphalt', name: 'Asphalt' },
      { key: 'gravel', name: 'Gravel' },
    ]);
    expect(attributes[1]!.values?.map((v) => v.key)).toEqual(['true', 'false']);
    expect(attributes[3]!.datatype_description).toBe('At most 10 characters');
  });

  it('validates submitted values against their datatypes', () => {
    const ok = validateAttributes(FORM, {
      surface: 'gravel',
      dangerous: 'true',
      noticed_on: '2026-03-01T10:00:00+03:00',
    });
    expect(ok.problems).toEqual([]);
    expect(ok.values).toEqual({
      surface: 'gravel',
      dangerous: 'true',
      noticed_on: '2026-03-01T07:00:00.000Z',
    });
    const bad = validateAttributes(FORM, {
      surface: 'lava',
      dangerous: 'maybe',
      noticed_on: 'soon',
      details: 'x'.repeat(11),
      bogus: '1',
    });
    expect(bad.problems.map((p) => p.code).sort()).toEqual([
      'bogus',
      'dangerous',
      'details',
      'noticed_on',
      'surface',
    ]);
    expect(validateAttributes(FORM, {}).problems).toEqual([
      { code: 'surface', message: 'attribute[surface] is required' },
    ]);
    expect(validateAttributes(FORM, { surface: ['asphalt', 'gravel'] }).problems[0]!.message).toMatch(
      /single value/,
    );
  });
});

describe('a posted request as intake form values', () => {
  const base = { lat: 55.75, long: 37.61, description: 'Яма', attribute: { surface: 'asphalt' } };

  it('fills the fields the standard parameters stand for, and the attributes', () => {
    const mapped = mapSubmission(
      FORM,
      {
        ...base,
        first_name: 'Анна',
        last_name: 'Петрова',
        email: 'a@example.org',
        address_string: 'ул. Ленина',
        attribute: { surface: 'asphalt', dangerous: 'false', noticed_on: '2026-03-01T23:30:00Z' },
      },
      'Europe/Moscow',
    );
    expect(mapped).toEqual({
      submission: {
        form: {
          location: { lat: 55.75, lon: 37.61 },
          address: 'ул. Ленина',
          text: 'Яма',
          name: 'Анна Петрова',
          email: 'a@example.org',
          surface: 'asphalt',
          dangerous: false,
          // 23:30 UTC is already the next day in Moscow.
          noticed_on: '2026-03-02',
        },
        location: { lat: 55.75, lon: 37.61 },
        address: 'ул. Ленина',
        mediaUrl: null,
      },
    });
  });

  it('needs a location, the required fields and valid attributes', () => {
    const problems = (posted: Parameters<typeof mapSubmission>[1]) => {
      const r = mapSubmission(FORM, posted, 'Europe/Moscow');
      return 'problems' in r ? r.problems : [];
    };
    expect(problems({ description: 'Яма', attribute: { surface: 'asphalt' } })).toEqual([
      'A location is required: lat and long, address_string or address_id',
      'lat and long are required for this service',
    ]);
    expect(problems({ ...base, long: undefined })).toContain('lat and long must be given together');
    expect(problems({ ...base, description: ' ' })).toEqual(['description is required for this service']);
    expect(problems({ ...base, attribute: { surface: 'lava' } })).toEqual([
      'attribute[surface] must be one of: asphalt, gravel',
    ]);
    expect(problems({ ...base, media_url: 'javascript:alert(1)' })).toEqual([
      'media_url must be an http(s) URL',
    ]);
    expect(problems(base)).toEqual([]);
  });
});

describe('GET requests filters', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const search = (q: Parameters<typeof requestSearch>[0]) => {
    const r = requestSearch(q, now);
    if ('problems' in r) throw new Error(r.problems.join('; '));
    return r.search;
  };
  const problems = (q: Parameters<typeof requestSearch>[0]) => {
    const r = requestSearch(q, now);
    return 'problems' in r ? r.problems : [];
  };

  it('defaults to the last 90 days and at most 1000 requests', () => {
    const s = search({});
    expect([s.from?.toISOString(), s.to?.toISOString(), s.limit, s.status]).toEqual([
      '2026-03-03T12:00:00.000Z',
      '2026-06-01T12:00:00.000Z',
      MAX_RESULTS,
      null,
    ]);
    expect(search({ start_date: '2026-01-01T00:00:00Z' }).to?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('ignores the other filters when ids are given, and drops ids that are not ours', () => {
    const id = '0b5c7d3e-2f4a-4b6c-8d9e-0f1a2b3c4d5e';
    expect(search({ service_request_id: `${id.toUpperCase()}, 42`, status: 'bogus' })).toMatchObject({
      ids: [id],
      from: null,
      status: null,
    });
  });

  it('reads comma-delimited and repeated lists', () => {
    expect(search({ status: 'open' }).status).toBe('open');
    expect(search({ status: ['open', 'closed'] }).status).toBeNull();
    expect(search({ service_code: 'a.b,c.d' }).serviceCodes).toEqual(['a.b', 'c.d']);
  });

  it('refuses bad statuses and dates, reversed and too long ranges', () => {
    expect(problems({ status: 'pending' })).toEqual(['status must be open or closed, not "pending"']);
    expect(problems({ start_date: 'last week' })[0]).toMatch(/start_date must be a W3C datetime/);
    expect(problems({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual([
      'end_date must not be before start_date',
    ]);
    expect(problems({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-05-01T00:00:00Z' })).toEqual([
      'start_date and end_date may not span more than 90 days',
    ]);
  });
});

describe('statuses', () => {
  it('are closed once the case is closed or its status ends it', () => {
    expect(open311Status('in_progress', null)).toBe('open');
    expect(open311Status('reopened', null)).toBe('open');
    expect(open311Status('fixed', new Date())).toBe('closed');
    for (const s of ['answered', 'redirected', 'duplicate', 'closed'])
      expect(open311Status(s, null)).toBe('closed');
  });
});
