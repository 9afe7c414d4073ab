import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import {
  asText,
  expectOpen311Error,
  FORMATS,
  get,
  issueApiKey,
  itemsOf,
  parseOpen311,
  post,
  type Format,
  type Json,
} from '../testing/client.ts';

/**
 * GET requests, GET requests/{id} and GET tokens/{token}: the standard's fields, filters and limits,
 * in JSON and XML — and never the applicant's personal data.
 */
const REQUEST_KEYS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const DAY = 86_400_000;
const PERSONAL = [
  'Анна',
  'Петрова',
  'anna.petrova@example.org',
  // phone fragments that cannot occur inside a UUID (whose groups are 8-4-4-4-12 hex digits)
  '+7 912',
  '345-67-89',
  '000-00-00',
  'Смирнов',
  'ivan.smirnov',
  'Садовая, д. 3',
];

let p: TestPlatform;
let clock: ManualClock;
let key = '';
const ids = { pothole: '', litter: '', letter: '', old: '', sosnovka: '' };
const tokens = { pothole: '', sosnovka: '' };

async function submit(fields: Record<string, string>, municipality = 'zarechny', apiKey = key) {
  const res = await post(p.app, 'json', { api_key: apiKey, jurisdiction_id: municipality, ...fields });
  if (res.statusCode !== 201) throw new Error(res.body);
  const [r] = res.json<{ service_request_id: string; token: string }[]>();
  return r!;
}

const report = (code: string, description: string) => ({
  service_code: code,
  lat: '56.84',
  long: '60.64',
  address_string: 'ул. Мира, д. 12, кв. 5',
  description,
  first_name: 'Анна',
  last_name: 'Петрова',
  email: 'anna.petrova@example.org',
});

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-05-04T09:00:00Z'));
  p = await createTestPlatform({ clock });
  key = await issueApiKey(p.app, await p.loginAs('admin@zarechny.demo.zemstvo.ru'), 'zarechny', [
    'appeal.submit',
  ]);
  const sKey = await issueApiKey(p.app, await p.loginAs('admin@sosnovka.demo.zemstvo.ru'), 'sosnovka', [
    'appeal.submit',
  ]);
  ids.old = (
    await submit(report('urban-reports.landscaping', 'Старое сообщение о мусоре'))
  ).service_request_id;
  clock.advance(100 * DAY);
  const pothole = await submit({
    ...report('urban-reports.roads', 'Яма. Звоните Анне Петровой: +7 912 345-67-89'),
    media_url: 'https://photos.example.org/pothole.jpg',
  });
  [ids.pothole, tokens.pothole] = [pothole.service_request_id, pothole.token];
  clock.advance(60_000);
  ids.litter = (await submit(report('urban-reports.landscaping', 'Мусор во дворе'))).service_request_id;
  ids.letter = (
    await submit({
      service_code: 'appeals-59fz.housing',
      address_string: 'ул. Садовая, д. 3',
      description: 'Прошу провести ремонт кровли',
      first_name: 'Иван',
      last_name: 'Смирнов',
      email: 'ivan.smirnov@example.org',
      phone: '+7 912 000-00-00',
    })
  ).service_request_id;
  const other = await submit(report('urban-reports.roads', 'Яма в Сосновке'), 'sosnovka', sKey);
  [ids.sosnovka, tokens.sosnovka] = [other.service_request_id, other.token];
  // The litter report was fixed; the pothole is registered and due on 2026-08-31.
  await p.db.query(`UPDATE appeals SET status = 'fixed', closed_at = $2 WHERE document_id = $1`, [
    ids.litter,
    clock.now(),
  ]);
  await p.db.query(
    `UPDATE appeals SET status = 'registered', answer_due = '2026-08-31' WHERE document_id = $1`,
    [ids.pothole],
  );
});
afterAll(async () => p.close());

const requestsOf = (res: Awaited<ReturnType<typeof get>>, format: Format) => {
  expect(res.statusCode, res.body).toBe(200);
  return itemsOf(parseOpen311(res, format), format, 'service_requests', 'request');
};
const idsOf = (items: Record<string, Json>[]) => items.map((r) => asText(r.service_request_id));

describe.each(FORMATS)('GET requests.%s', (format) => {
  const list = (query: Record<string, string> = {}) =>
    get(p.app, `requests.${format}`, { jurisdiction_id: 'zarechny', ...query }).then((res) =>
      requestsOf(res, format),
    );

  it('lists the jurisdiction’s public reports of the last 90 days, newest first, with the standard fields', async () => {
    const items = await list();
    expect(idsOf(items)).toEqual([ids.litter, ids.pothole]);
    for (const r of items) expect(Object.keys(r)).toEqual(REQUEST_KEYS);
    const pothole = items[1]!;
    expect(asText(pothole.status)).toBe('open');
    expect(asText(pothole.status_notes)).toBe('Зарегистрировано');
    expect(asText(pothole.service_code)).toBe('urban-reports.roads');
    expect(asText(pothole.service_name)).toBe('Дороги и уличная инфраструктура');
    expect(asText(pothole.agency_responsible)).toBe('Отдел дорожного хозяйства и транспорта');
    expect(asText(pothole.service_notice)).toMatch(/10 рабочих дней/);
    expect(asText(pothole.requested_datetime)).toBe('2026-08-12T12:00:00+03:00');
    expect(asText(pothole.expected_datetime)).toBe('2026-08-31T23:59:59+03:00');
    expect([asText(pothole.lat), asText(pothole.long)]).toEqual(['56.84', '60.64']);
    expect(asText(pothole.media_url)).toBe('https://photos.example.org/pothole.jpg');
    expect(asText(items[0]!.media_url)).toBe('');
    expect(asText(items[0]!.status)).toBe('closed');
    expect(asText(items[0]!.status_notes)).toBe('Исправлено');
  });

  it('never shows personal data: the applicant is not named and the text is masked', async () => {
    const res = await get(p.app, `requests.${format}`, { jurisdiction_id: 'zarechny' });
    for (const word of PERSONAL) expect(res.body).not.toContain(word);
    const pothole = (await list()).find((r) => r.service_request_id === ids.pothole)!;
    expect(asText(pothole.description)).toMatch(/^Яма\. Звоните \*\*\* \*\*\*: \*\*\*$/);
    expect(asText(pothole.address)).toBe('ул. Мира, д. ***, кв. ***');
  });

  it('filters by service_code, status and dates', async () => {
    expect(idsOf(await list({ service_code: 'urban-reports.roads' }))).toEqual([ids.pothole]);
    expect(idsOf(await list({ service_code: 'urban-reports.roads,urban-reports.landscaping' }))).toEqual([
      ids.litter,
      ids.pothole,
    ]);
    expect(idsOf(await list({ status: 'open' }))).toEqual([ids.pothole]);
    expect(idsOf(await list({ status: 'closed' }))).toEqual([ids.litter]);
    expect(idsOf(await list({ status: 'open,closed' }))).toEqual([ids.litter, ids.pothole]);
    expect(
      idsOf(await list({ start_date: '2026-05-01T00:00:00+03:00', end_date: '2026-05-05T00:00:00Z' })),
    ).toEqual([ids.old]);
    expect(idsOf(await list({ end_date: '2026-05-05T00:00:00Z' }))).toEqual([ids.old]);
    expect(idsOf(await list({ start_date: '2026-08-12T09:00:30Z' }))).toEqual([ids.litter]);
  });

  it('finds requests by service_request_id (comma-separated), private ones too, and ignores the other filters', async () => {
    const items = await list({
      service_request_id: `${ids.letter},${ids.pothole},${ids.sosnovka}`,
      status: 'closed',
      start_date: '2000-01-01T00:00:00Z',
    });
    expect(idsOf(items).sort()).toEqual([ids.letter, ids.pothole].sort());
  });

  it('refuses bad filters as the standard says', async () => {
    const bad = (query: Record<string, string>) =>
      get(p.app, `requests.${format}`, { jurisdiction_id: 'zarechny', ...query });
    expectOpen311Error(
      await bad({ start_date: 'yesterday' }),
      format,
      400,
      /start_date must be a W3C datetime/,
    );
    expectOpen311Error(await bad({ end_date: '2026-02-30T00:00:00Z' }), format, 400, /end_date/);
    expectOpen311Error(
      await bad({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }),
      format,
      400,
      /90 days/,
    );
    expectOpen311Error(
      await bad({ start_date: '2026-06-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }),
      format,
      400,
      /before/,
    );
    expectOpen311Error(await bad({ status: 'pending' }), format, 400, /status must be open or closed/);
    expectOpen311Error(
      await get(p.app, `requests.${format}`),
      format,
      400,
      /jurisdiction_id was not provided/,
    );
    expectOpen311Error(
      await get(p.app, `requests.${format}`, { jurisdiction_id: 'atlantis' }),
      format,
      404,
      /jurisdiction_id/,
    );
  });
});

describe.each(FORMATS)('GET requests/{id}.%s and tokens/{token}.%s', (format) => {
  const one = (id: string, jurisdiction = 'zarechny') =>
    get(p.app, `requests/${id}.${format}`, { jurisdiction_id: jurisdiction });

  it('shows a 59-FZ letter’s status only: no text, no place', async () => {
    const items = requestsOf(await one(ids.letter), format);
    expect(items).toHaveLength(1);
    const r = items[0]!;
    expect(Object.keys(r)).toEqual(REQUEST_KEYS);
    expect([
      asText(r.service_request_id),
      asText(r.status),
      asText(r.status_notes),
      asText(r.service_code),
    ]).toEqual([ids.letter, 'open', 'Получено', 'appeals-59fz.housing']);
    expect([r.description, r.address, r.lat, r.long, r.media_url].map(asText)).toEqual(['', '', '', '', '']);
    expect(asText(r.expected_datetime)).toBe('');
    for (const word of PERSONAL) expect(JSON.stringify(r)).not.toContain(word);
  });

  it('answers 404 for an unknown id, a malformed one, or another jurisdiction’s', async () => {
    for (const id of ['3f1e2d4c-5b6a-4789-8abc-def012345678', 'not-an-id', ids.sosnovka])
      expectOpen311Error(await one(id), format, 404, /service_request_id provided was not found/);
    expectOpen311Error(
      await get(p.app, `requests/${ids.letter}.${format}`),
      format,
      400,
      /jurisdiction_id was not provided/,
    );
    expect(asText(requestsOf(await one(ids.sosnovka, 'sosnovka'), format)[0]!.service_request_id)).toBe(
      ids.sosnovka,
    );
  });

  it('tells the request id a token stands for, in its own jurisdiction only', async () => {
    const res = await get(p.app, `tokens/${tokens.pothole}.${format}`, { jurisdiction_id: 'zarechny' });
    const items = requestsOf(res, format);
    expect(items.map((r) => [asText(r.service_request_id), asText(r.token)])).toEqual([
      [ids.pothole, tokens.pothole],
    ]);
    expectOpen311Error(
      await get(p.app, `tokens/${tokens.sosnovka}.${format}`, { jurisdiction_id: 'zarechny' }),
      format,
      404,
      /token/,
    );
    expectOpen311Error(
      await get(p.app, `tokens/nope.${format}`, { jurisdiction_id: 'zarechny' }),
      format,
      404,
      /token provided was not found/,
    );
    expectOpen311Error(
      await get(p.app, `tokens/${tokens.pothole}.${format}`),
      format,
      400,
      /jurisdiction_id was not provided/,
    );
  });
});

it('returns at most 1000 requests', async () => {
  // 1005 more public reports, cloned from the pothole in one statement each for documents and appeals.
  const cloneId = `md5('open311-clone-' || g)::uuid`;
  await p.db.query(
    `INSERT INTO documents (municipality_id, id, direction, kind, status, title, body, source_channel, service_instance_id, created_at, updated_at)
     SELECT d.municipality_id, ${cloneId}, d.direction, d.kind, d.status, d.title, d.body, d.source_channel, d.service_instance_id,
       d.created_at, d.updated_at
     FROM documents d, generate_series(1, 1005) g WHERE d.id = $1`,
    [ids.pothole],
  );
  await p.db.query(
    `INSERT INTO appeals (municipality_id, document_id, service_instance_id, category_code, lat, lon, address, is_public, status, stage,
       received_at, registration_due, deadline_rule, deadline_rule_version)
     SELECT a.municipality_id, ${cloneId}, a.service_instance_id, a.category_code, a.lat, a.lon, a.address, true, a.status, a.stage,
       a.received_at - g * interval '1 minute', a.registration_due, a.deadline_rule, a.deadline_rule_version
     FROM appeals a, generate_series(1, 1005) g WHERE a.document_id = $1`,
    [ids.pothole],
  );
  for (const format of FORMATS) {
    const items = requestsOf(await get(p.app, `requests.${format}`, { jurisdiction_id: 'zarechny' }), format);
    expect(items).toHaveLength(1000);
  }
});
