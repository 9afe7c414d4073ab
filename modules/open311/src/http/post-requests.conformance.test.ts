import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import {
  asText,
  expectOpen311Error,
  FORMATS,
  issueApiKey,
  itemsOf,
  parseOpen311,
  post,
  type Format,
} from '../testing/client.ts';

/**
 * POST requests: a service request becomes an appeal through the intake use case (channel
 * `open311`), for an API key of the jurisdiction with appeal.submit; everything else is refused as
 * the standard says, and a refused request changes nothing.
 */
let p: TestPlatform;
const keys = { zarechny: '', sosnovka: '', viewOnly: '' };
beforeAll(async () => {
  p = await createTestPlatform();
  const zAdmin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
  const sAdmin = await p.loginAs('admin@sosnovka.demo.zemstvo.ru');
  keys.zarechny = await issueApiKey(p.app, zAdmin, 'zarechny', ['appeal.submit']);
  keys.sosnovka = await issueApiKey(p.app, sAdmin, 'sosnovka', ['appeal.submit']);
  keys.viewOnly = await issueApiKey(p.app, zAdmin, 'zarechny', ['department.view']);
});
afterAll(async () => p.close());

const pothole = () => ({
  api_key: keys.zarechny,
  jurisdiction_id: 'zarechny',
  service_code: 'urban-reports.roads',
  lat: '56.8431',
  long: '60.6454',
  address_string: 'ул. Ленина у остановки',
  description: 'Глубокая яма на проезжей части',
  first_name: 'Анна',
  last_name: 'Петрова',
  email: 'anna.petrova@example.org',
});

const letter = () => ({
  api_key: keys.zarechny,
  jurisdiction_id: 'zarechny',
  service_code: 'appeals-59fz.housing',
  address_string: 'ул. Садовая, 3',
  description: 'Прошу провести ремонт кровли дома',
  first_name: 'Иван',
  last_name: 'Смирнов',
  email: 'ivan.smirnov@example.org',
  phone: '+7 912 345-67-89',
  'attribute[patronymic]': 'Петрович',
  'attribute[postal_address]': '620000, г. Заречный, ул. Садовая, д. 3, кв. 7',
});

const count = async (table: string) =>
  Number((await p.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

function postedRequest(res: Awaited<ReturnType<typeof post>>, format: Format) {
  expect(res.statusCode, res.body).toBe(201);
  const items = itemsOf(parseOpen311(res, format), format, 'service_requests', 'request');
  expect(items).toHaveLength(1);
  const r = items[0]!;
  expect(Object.keys(r)).toEqual(['service_request_id', 'token', 'service_notice', 'account_id']);
  expect(asText(r.service_request_id)).toMatch(/^[0-9a-f-]{36}$/);
  expect(asText(r.token)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  expect(asText(r.account_id)).toBe('');
  return { id: asText(r.service_request_id), token: asText(r.token), notice: asText(r.service_notice) };
}

describe.each(FORMATS)('POST requests.%s', (format) => {
  it('files a form-encoded map report as an appeal of the open311 channel', async () => {
    const posted = postedRequest(await post(p.app, format, pothole()), format);
    expect(posted.notice).toBe('Ответ на сообщение: в течение 10 рабочих дней со дня регистрации.');
    const [row] = await p.db.query<Record<string, unknown>>(
      `SELECT a.category_code, a.source_channel, a.lat, a.lon, a.address, a.applicant_name, a.applicant_email, a.status,
              si.slug AS instance, d.body, d.kind
       FROM appeals a JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id
       JOIN service_instances si ON si.municipality_id = a.municipality_id AND si.id = a.service_instance_id
       WHERE a.document_id = $1`,
      [posted.id],
    );
    expect(row).toMatchObject({
      instance: 'urban-reports',
      category_code: 'roads',
      source_channel: 'open311',
      lat: 56.8431,
      lon: 60.6454,
      address: 'ул. Ленина у остановки',
      applicant_name: 'Анна Петрова',
      applicant_email: 'anna.petrova@example.org',
      status: 'received',
      body: 'Глубокая яма на проезжей части',
      kind: 'appeal',
    });
    const audit = await p.db.query<{ action: string; actor_user_id: string | null }>(
      `SELECT action, actor_user_id FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [posted.id],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['appeal.submitted', 'open311.request_posted']),
    );
    // Done in the name of the API key's owner (the municipality's admin issued it).
    const [admin] = await p.db.query<{ id: string }>(
      `SELECT id FROM users WHERE email = 'admin@zarechny.demo.zemstvo.ru'`,
    );
    expect(new Set(audit.map((a) => a.actor_user_id))).toEqual(new Set([admin!.id]));
  });

  it('files a JSON letter under 59-FZ with its attributes in the intake form', async () => {
    const posted = postedRequest(await post(p.app, format, letter(), { json: true }), format);
    expect(posted.notice).toMatch(/^Рассмотрение обращения: в течение 30 дней/);
    const [row] = await p.db.query<{ form: Record<string, unknown>; applicant_phone: string }>(
      'SELECT form, applicant_phone FROM appeals WHERE document_id = $1',
      [posted.id],
    );
    expect(row!.form).toMatchObject({
      last_name: 'Смирнов',
      first_name: 'Иван',
      patronymic: 'Петрович',
      postal_address: '620000, г. Заречный, ул. Садовая, д. 3, кв. 7',
      text: 'Прошу провести ремонт кровли дома',
    });
    expect(row!.applicant_phone).toBe('+7 912 345-67-89');
  });

  it('accepts attributes as a JSON object too', async () => {
    const { 'attribute[patronymic]': patronymic, 'attribute[postal_address]': _postal, ...rest } = letter();
    const res = await p.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      payload: { ...rest, attribute: { patronymic } },
    });
    const posted = postedRequest(res, format);
    const [row] = await p.db.query<{ form: Record<string, unknown> }>(
      'SELECT form FROM appeals WHERE document_id = $1',
      [posted.id],
    );
    expect(row!.form.patronymic).toBe('Петрович');
  });

  it('gives a retry with the same Idempotency-Key the same request and token', async () => {
    const headers = { 'idempotency-key': `open311-retry-${format}-0001` };
    const before = await count('appeals');
    const first = postedRequest(await post(p.app, format, pothole(), { headers }), format);
    const again = postedRequest(await post(p.app, format, pothole(), { headers }), format);
    expect(again).toEqual(first);
    expect(await count('appeals')).toBe(before + 1);
  });

  describe('refusals, which change nothing', () => {
    let before: { appeals: number; tokens: number; audit: number };
    const snapshot = async () => ({
      appeals: await count('appeals'),
      tokens: await count('open311_tokens'),
      audit: await count('audit_log'),
    });

    it.each([
      ['missing api_key', () => ({ ...pothole(), api_key: '' }), 403, /api_key was not provided/],
      [
        'an invalid api_key',
        () => ({ ...pothole(), api_key: 'zt_not-a-real-token-at-all-00000000000000000' }),
        403,
        /Invalid api_key/,
      ],
      [
        'a key of another municipality',
        () => ({ ...pothole(), api_key: keys.sosnovka }),
        403,
        /another jurisdiction/,
      ],
      [
        'a key without appeal.submit',
        () => ({ ...pothole(), api_key: keys.viewOnly }),
        403,
        /appeal\.submit/,
      ],
      [
        'no jurisdiction',
        () => ({ ...pothole(), jurisdiction_id: undefined }),
        400,
        /jurisdiction_id was not provided/,
      ],
      [
        'an unknown jurisdiction',
        () => ({ ...pothole(), jurisdiction_id: 'atlantis' }),
        404,
        /jurisdiction_id provided was not found/,
      ],
      [
        'no service_code',
        () => ({ ...pothole(), service_code: undefined }),
        400,
        /service_code was not provided/,
      ],
      [
        'an unknown service_code',
        () => ({ ...pothole(), service_code: 'urban-reports.volcano' }),
        404,
        /service_code provided was not found/,
      ],
      ['no location', () => ({ ...letter(), address_string: undefined }), 400, /A location is required/],
      [
        'no point where the form needs one',
        () => ({ ...pothole(), lat: undefined, long: undefined }),
        400,
        /lat and long are required/,
      ],
      ['half a point', () => ({ ...pothole(), long: undefined }), 400, /lat and long must be given together/],
      ['a latitude out of range', () => ({ ...pothole(), lat: '91' }), 400, /lat is out of range/],
      [
        'a bad attribute value',
        () => ({ ...letter(), 'attribute[postal_address]': 'x'.repeat(501) }),
        400,
        /attribute\[postal_address\] must be at most 500/,
      ],
      [
        'an unknown attribute',
        () => ({ ...letter(), 'attribute[colour]': 'red' }),
        400,
        /attribute\[colour\] is not an attribute/,
      ],
      [
        'a required field missing',
        () => ({ ...letter(), last_name: undefined }),
        400,
        /last_name is required/,
      ],
      ['no description', () => ({ ...pothole(), description: undefined }), 400, /description is required/],
      ['a bad e-mail', () => ({ ...pothole(), email: 'not-an-address' }), 400, /email/],
      [
        'a media_url that is not a web link',
        () => ({ ...pothole(), media_url: 'file:///etc/passwd' }),
        400,
        /media_url must be an http\(s\) URL/,
      ],
    ] as const)('%s', async (_name, body, status, pattern) => {
      before = await snapshot();
      const fields = Object.fromEntries(Object.entries(body()).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      expectOpen311Error(await post(p.app, format, fields), format, status, pattern);
      expectOpen311Error(await post(p.app, format, fields, { json: true }), format, status, pattern);
      expect(await snapshot()).toEqual(before);
    });

    it('checks the api_key before the body, so a caller without one learns nothing from validation', async () => {
      expectOpen311Error(
        await post(p.app, format, { service_code: '', lat: 'x' }),
        format,
        403,
        /api_key was not provided/,
      );
    });

    it('refuses a bad Idempotency-Key, malformed JSON and an unknown content type in the standard format', async () => {
      expectOpen311Error(
        await post(p.app, format, pothole(), { headers: { 'idempotency-key': 'short' } }),
        format,
        400,
        /Idempotency-Key/,
      );
      const raw = (payload: string, type: string) =>
        p.app.inject({
          method: 'POST',
          url: `/open311/v2/requests.${format}`,
          headers: { 'content-type': type },
          payload,
        });
      expectOpen311Error(await raw('{"api_key":', 'application/json'), format, 400, /JSON/);
      expect((await raw('<request/>', 'application/xml')).statusCode).toBe(415);
      expectOpen311Error(await raw('<request/>', 'application/xml'), format, 415, /.+/);
    });
  });
});
