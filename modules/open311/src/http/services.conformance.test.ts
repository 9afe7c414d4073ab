import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import {
  asText,
  documentOf,
  expectOpen311Error,
  FORMATS,
  get,
  itemsOf,
  parseOpen311,
  type Json,
} from '../testing/client.ts';

/**
 * GeoReport v2 conformance of the reading methods that need no requests: discovery, services,
 * service definitions — in JSON and XML, with the standard's element names and errors.
 */
let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p.close());

const SERVICE_KEYS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const ATTRIBUTE_KEYS = [
  'variable',
  'code',
  'datatype',
  'required',
  'datatype_description',
  'order',
  'description',
];

describe.each(FORMATS)('GeoReport v2 in %s', (format) => {
  it('discovery names the endpoint, the specification and both formats', async () => {
    const res = await get(p.app, `discovery.${format}`);
    expect(res.statusCode).toBe(200);
    const doc = documentOf(parseOpen311(res, format), format, 'discovery');
    expect(Object.keys(doc)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(asText(doc.key_service)).toContain('appeal.submit');
    const endpoints =
      format === 'json'
        ? (doc.endpoints as Json[])
        : ((doc.endpoints as Record<string, Json>).endpoint as Json[]);
    expect(endpoints).toHaveLength(1);
    const endpoint = endpoints[0] as Record<string, Json>;
    expect(asText(endpoint.specification)).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(asText(endpoint.url)).toMatch(/\/open311\/v2$/);
    expect(asText(endpoint.type)).toBe('production');
    expect(asText(endpoint.changeset)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const formats = format === 'json' ? endpoint.formats : (endpoint.formats as Record<string, Json>).format;
    expect(formats).toEqual(['text/xml', 'application/json']);
  });

  it('discovery for a jurisdiction names the municipality; an unknown one is 404', async () => {
    const doc = documentOf(
      parseOpen311(
        await get(p.app, `discovery.${format}`, { jurisdiction_id: 'zarechny', locale: 'en' }),
        format,
      ),
      format,
      'discovery',
    );
    expect(asText(doc.contact)).toMatch(/Zarechny/i);
    expectOpen311Error(
      await get(p.app, `discovery.${format}`, { jurisdiction_id: 'atlantis' }),
      format,
      404,
      /jurisdiction_id provided was not found/,
    );
  });

  it('lists one service per category of each enabled instance, coded <instance>.<category>', async () => {
    const res = await get(p.app, `services.${format}`, { jurisdiction_id: 'zarechny' });
    expect(res.statusCode).toBe(200);
    const services = itemsOf(parseOpen311(res, format), format, 'services', 'service');
    const codes = services.map((s) => asText(s.service_code));
    expect(codes).toContain('appeals-59fz.housing');
    expect(codes).toContain('urban-reports.roads');
    for (const s of services) {
      expect(Object.keys(s)).toEqual(SERVICE_KEYS);
      expect(asText(s.type)).toBe('realtime');
      expect(asText(s.service_name)).not.toBe('');
    }
    const roads = services.find((s) => s.service_code === 'urban-reports.roads')!;
    // The package's manifest gives the Open311 group; its intake form has no extra fields.
    expect([asText(roads.group), asText(roads.metadata), asText(roads.service_name)]).toEqual([
      'Дороги',
      'false',
      'Дороги и уличная инфраструктура',
    ]);
    // The appeals form asks for a patronymic and a postal address: attributes, so metadata is true.
    expect(asText(services.find((s) => s.service_code === 'appeals-59fz.housing')!.metadata)).toBe('true');
  });

  it('speaks English with locale=en', async () => {
    const res = await get(p.app, `services.${format}`, { jurisdiction_id: 'zarechny', locale: 'en' });
    const roads = itemsOf(parseOpen311(res, format), format, 'services', 'service').find(
      (s) => s.service_code === 'urban-reports.roads',
    )!;
    expect(asText(roads.service_name)).toBe('Roads and street infrastructure');
  });

  it('leaves out a disabled instance, in that municipality only', async () => {
    await p.db.query(
      `UPDATE service_instances SET enabled = false WHERE slug = 'urban-reports' AND municipality_id = (SELECT id FROM municipalities WHERE slug = 'sosnovka')`,
    );
    const codesOf = async (j: string) =>
      itemsOf(
        parseOpen311(await get(p.app, `services.${format}`, { jurisdiction_id: j }), format),
        format,
        'services',
        'service',
      ).map((s) => asText(s.service_code));
    expect((await codesOf('sosnovka')).some((c) => c.startsWith('urban-reports.'))).toBe(false);
    expect((await codesOf('zarechny')).some((c) => c.startsWith('urban-reports.'))).toBe(true);
    expectOpen311Error(
      await get(p.app, `services/urban-reports.roads.${format}`, { jurisdiction_id: 'sosnovka' }),
      format,
      404,
      /service_code/,
    );
    await p.db.query(`UPDATE service_instances SET enabled = true WHERE slug = 'urban-reports'`);
  });

  it('defines a service with attributes generated from the intake form', async () => {
    const res = await get(p.app, `services/appeals-59fz.housing.${format}`, { jurisdiction_id: 'zarechny' });
    expect(res.statusCode).toBe(200);
    const def = documentOf(parseOpen311(res, format), format, 'service_definition');
    expect(Object.keys(def)).toEqual(['service_code', 'attributes']);
    expect(asText(def.service_code)).toBe('appeals-59fz.housing');
    const attributes = (
      format === 'json' ? def.attributes : (def.attributes as Record<string, Json>).attribute
    ) as Record<string, Json>[];
    // Name, e-mail, phone, text and files are standard parameters; the rest are attributes, in form order.
    expect(attributes.map((a) => asText(a.code))).toEqual(['patronymic', 'postal_address']);
    for (const [i, a] of attributes.entries()) {
      expect(Object.keys(a)).toEqual(ATTRIBUTE_KEYS);
      expect([asText(a.variable), asText(a.datatype), asText(a.required), asText(a.order)]).toEqual([
        'true',
        'string',
        'false',
        String(i + 1),
      ]);
    }
    expect(asText(attributes[0]!.description)).toBe('Отчество (при наличии)');
    expect(asText(attributes[1]!.datatype_description)).toMatch(/ответ/);
  });

  it('defines a service without attributes as an empty list', async () => {
    const res = await get(p.app, `services/urban-reports.roads.${format}`, {
      jurisdiction_id: 'zarechny',
      locale: 'en',
    });
    const def = documentOf(parseOpen311(res, format), format, 'service_definition');
    expect(asText(def.service_code)).toBe('urban-reports.roads');
    if (format === 'json') expect(def.attributes).toEqual([]);
    else expect(asText(def.attributes)).toBe('');
  });

  it('refuses what the standard refuses: no jurisdiction (400), unknown jurisdiction or service (404)', async () => {
    expectOpen311Error(
      await get(p.app, `services.${format}`),
      format,
      400,
      /jurisdiction_id was not provided/,
    );
    expectOpen311Error(
      await get(p.app, `services.${format}`, { jurisdiction_id: 'atlantis' }),
      format,
      404,
      /jurisdiction_id provided was not found/,
    );
    expectOpen311Error(
      await get(p.app, `services.${format}`, { jurisdiction_id: 'NOT A SLUG' }),
      format,
      404,
      /jurisdiction_id/,
    );
    expectOpen311Error(
      await get(p.app, `services/appeals-59fz.housing.${format}`),
      format,
      400,
      /jurisdiction_id was not provided/,
    );
    for (const code of ['appeals-59fz.nothing', 'nothing.housing', 'housing', '..'])
      expectOpen311Error(
        await get(p.app, `services/${encodeURIComponent(code)}.${format}`, { jurisdiction_id: 'zarechny' }),
        format,
        404,
        /service_code provided was not found/,
      );
    expectOpen311Error(await get(p.app, `no-such-method.${format}`), format, 404, /No Open311 method/);
  });
});

it('escapes text in XML and keeps Cyrillic in UTF-8', async () => {
  const res = await get(p.app, 'services.xml', { jurisdiction_id: 'zarechny' });
  expect(res.body).toContain('<service_name>Жилищно-коммунальная сфера</service_name>');
  // A description that repeats the caller's input: markup in it is escaped.
  const bad = await get(p.app, 'requests.xml', { jurisdiction_id: 'zarechny', status: '<x>&' });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain('&lt;x&gt;&amp;');
  expect(bad.body).not.toContain('<x>');
});
