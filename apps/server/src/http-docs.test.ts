import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteEntry } from '@zemstvo/http';
import { isZodSchema } from '@zemstvo/http/testing/valid-input';
import { routeKey } from '@zemstvo/http/testing/route-requests';
import { routesUnderTest } from './http-route-access.fixture.ts';
import { createTestPlatform, type TestPlatform } from './testing/index.ts';

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: object }[];
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

/** `/api/m/:municipality/departments/:id` → `/api/m/{municipality}/departments/{id}` */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('the OpenAPI document and the explorer', () => {
  let p: TestPlatform;
  let doc: OpenApiDocument;
  let apiRoutes: RouteEntry[];

  beforeAll(async () => {
    p = await createTestPlatform();
    const res = await p.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
    apiRoutes = routesUnderTest(listRoutes(p.app)).filter((r) => r.url.startsWith('/api/') && !r.hidden);
  });
  afterAll(async () => p.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    // Throws with the spec violation when the document is not valid OpenAPI 3.1 …
    await SwaggerParser.validate(structuredClone(doc) as unknown as OpenAPI.Document);
    // … as it does for a broken copy (so the check above has teeth).
    const broken = { ...structuredClone(doc), info: { title: 'no version' } };
    await expect(SwaggerParser.validate(broken as unknown as OpenAPI.Document)).rejects.toThrow();
  });

  it('lists every /api route with its method', () => {
    expect(apiRoutes.length).toBeGreaterThan(20);
    const missing = apiRoutes
      .filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()])
      .map(routeKey);
    expect(missing).toEqual([]);
    // And nothing hidden (operations probes, the explorer itself) leaks into it; modules' visible
    // routes outside /api (Open311 at /open311/v2) are documented too.
    const visible = new Set(
      routesUnderTest(listRoutes(p.app))
        .filter((r) => !r.hidden)
        .map((r) => openApiPath(r.url)),
    );
    expect(
      Object.keys(doc.paths).filter((path) => !visible.has(path) || path.startsWith('/api/docs')),
    ).toEqual([]);
  });

  it('carries each route’s path parameters, query, body and response schemas', () => {
    const problems: string[] = [];
    for (const route of apiRoutes) {
      const op = doc.paths[openApiPath(route.url)]![route.method.toLowerCase()]!;
      const schema = route.schema as {
        body?: unknown;
        querystring?: unknown;
        response?: Record<string, unknown>;
      };
      const params = op.parameters ?? [];
      for (const name of route.params)
        if (!params.some((x) => x.in === 'path' && x.name === name && x.required && x.schema))
          problems.push(`${routeKey(route)}: path parameter ${name}`);
      if (isZodSchema(schema?.querystring) && !params.some((x) => x.in === 'query'))
        problems.push(`${routeKey(route)}: query parameters`);
      if (isZodSchema(schema?.body) && !op.requestBody?.content?.['application/json']?.schema)
        problems.push(`${routeKey(route)}: request body schema`);
      for (const status of Object.keys(schema?.response ?? {}))
        if (!op.responses?.[status]) problems.push(`${routeKey(route)}: response ${status}`);
    }
    expect(problems).toEqual([]);
  });

  it('documents the request body constraints, e.g. a department’s names', () => {
    const op = doc.paths['/api/m/{municipality}/departments']!.post!;
    const body = op.requestBody!.content!['application/json']!.schema as {
      properties: Record<string, { maxLength?: number; minLength?: number }>;
      required: string[];
    };
    expect(body.required).toEqual(expect.arrayContaining(['nameRu', 'nameEn']));
    expect(body.properties.nameRu).toMatchObject({ minLength: 1, maxLength: 300 });
    expect(op.responses?.['201']?.content?.['application/json']?.schema).toBeDefined();
  });

  it('serves the explorer at /api/docs with its assets', async () => {
    const page = await p.app.inject('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    for (const asset of [
      '/api/docs/static/swagger-ui.css',
      '/api/docs/static/swagger-ui-bundle.js',
      '/api/docs/static/swagger-initializer.js',
    ]) {
      const res = await p.app.inject(asset);
      expect(res.statusCode, asset).toBe(200);
    }
    const yaml = await p.app.inject('/api/docs/yaml');
    expect(yaml.statusCode).toBe(200);
    expect(yaml.body).toContain('openapi: 3.1.0');
  });
});
