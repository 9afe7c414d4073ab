import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './testing/index.ts';

const INDEX =
  '<!doctype html><title>Земство</title><script type="module" src="/assets/index-a1.js"></script>';

describe('the built web app at /', () => {
  let p: TestPlatform;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'zemstvo-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-a1.js'), 'console.log("a1");');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    p = await createTestPlatform({ demo: false, webDir });
  });
  afterAll(async () => p.close());

  const get = (url: string) => p.app.inject({ url });

  it('answers every page of the app with index.html, revalidated on each visit', async () => {
    for (const url of ['/', '/m/zarechny/inbox', '/verify/abc?x=1', '/login']) {
      const res = await get(url);
      expect([url, res.statusCode, res.body]).toEqual([url, 200, INDEX]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed bundles cached for a year, other files without a cache promise', async () => {
    const js = await get('/assets/index-a1.js');
    expect([js.statusCode, js.body]).toEqual([200, 'console.log("a1");']);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBeUndefined();
  });

  it('serves a bundle built after the start (a rebuild under a running server needs no restart)', async () => {
    expect((await get('/assets/index-b2.js')).statusCode).toBe(404);
    writeFileSync(join(webDir, 'assets', 'index-b2.js'), 'console.log("b2");');
    const res = await get('/assets/index-b2.js');
    expect([res.statusCode, res.body]).toEqual([200, 'console.log("b2");']);
  });

  it('answers a missing bundle with a 404 in the error shape, never with index.html', async () => {
    const res = await get('/assets/gone-00.js');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'file_not_found' } });
  });

  it('never serves a file outside the web folder', async () => {
    writeFileSync(join(webDir, '..', 'zemstvo-web-secret.txt'), 'secret');
    for (const url of [
      '/../zemstvo-web-secret.txt',
      '/%2e%2e/zemstvo-web-secret.txt',
      '/assets/..%2f..%2fzemstvo-web-secret.txt',
    ]) {
      const res = await get(url);
      expect([url, res.body]).not.toEqual([url, 'secret']);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('keeps unknown API paths a JSON 404', async () => {
    const res = await get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'route_not_found' } });
  });
});
