import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import { issueApiKey, xmlParser } from '../testing/client.ts';

/**
 * An Open311 client over real HTTP: it discovers the endpoint, reads the services, posts a
 * form-encoded request with its api_key, and reads the request back by id and by token — the way
 * a city app or a FixMyStreet installation talks to a GeoReport v2 server.
 */
let p: TestPlatform;
let base = '';
let apiKey = '';

beforeAll(async () => {
  p = await createTestPlatform();
  apiKey = await issueApiKey(p.app, await p.loginAs('admin@zarechny.demo.zemstvo.ru'), 'zarechny', [
    'appeal.submit',
  ]);
  await p.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}/open311/v2`;
});
afterAll(async () => p.close());

it('discovers, posts a form-encoded request and reads it back by id and token over HTTP', async () => {
  const discovery = await fetch(`${base}/discovery.json`);
  expect(discovery.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const endpoint = ((await discovery.json()) as { endpoints: { formats: string[] }[] }).endpoints[0]!;
  expect(endpoint.formats).toContain('text/xml');

  const services = (await (await fetch(`${base}/services.json?jurisdiction_id=zarechny`)).json()) as {
    service_code: string;
  }[];
  expect(services.map((s) => s.service_code)).toContain('urban-reports.roads');

  const form = new URLSearchParams({
    api_key: apiKey,
    jurisdiction_id: 'zarechny',
    service_code: 'urban-reports.roads',
    lat: '56.8389',
    long: '60.6057',
    address_string: 'перекрёсток Мира и Победы',
    description: 'Не горит светофор',
    email: 'driver@example.org',
  });
  const posted = await fetch(`${base}/requests.xml`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  expect(posted.status).toBe(201);
  expect(posted.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const answer = xmlParser.parse(await posted.text()) as {
    service_requests: { request: { service_request_id: string; token: string; service_notice: string }[] };
  };
  const { service_request_id: id, token } = answer.service_requests.request[0]!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  const byId = (await (await fetch(`${base}/requests/${id}.json?jurisdiction_id=zarechny`)).json()) as Record<
    string,
    unknown
  >[];
  expect(byId).toHaveLength(1);
  expect(byId[0]).toMatchObject({
    service_request_id: id,
    status: 'open',
    service_code: 'urban-reports.roads',
    description: 'Не горит светофор',
    address: 'перекрёсток Мира и Победы',
    lat: 56.8389,
    long: 60.6057,
  });
  expect(JSON.stringify(byId)).not.toContain('driver@example.org');

  const byToken = await fetch(`${base}/tokens/${token}.xml?jurisdiction_id=zarechny`);
  const tokenDoc = xmlParser.parse(await byToken.text()) as {
    service_requests: { request: { service_request_id: string }[] };
  };
  expect(tokenDoc.service_requests.request[0]!.service_request_id).toBe(id);

  const xmlById = xmlParser.parse(
    await (await fetch(`${base}/requests/${id}.xml?jurisdiction_id=zarechny`)).text(),
  ) as {
    service_requests: { request: { status: string; service_request_id: string }[] };
  };
  expect(xmlById.service_requests.request[0]).toMatchObject({ service_request_id: id, status: 'open' });

  const refused = await fetch(`${base}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(form), api_key: 'zt_wrong' }),
  });
  expect(refused.status).toBe(403);
  expect(await refused.json()).toEqual([{ code: 403, description: 'Invalid api_key' }]);
});
