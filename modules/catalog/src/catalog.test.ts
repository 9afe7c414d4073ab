import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing';
import { servicePackages } from '@zemstvo/services';
import { discoverServiceDirs, renderRegistry } from '../../../scripts/build-services.ts';
import { loadServicePackage, ManifestError } from './registry.ts';

describe('applied-service packages', () => {
  it('the generated registry lists exactly the package folders', () => {
    const file = readFileSync(new URL('../../../services/registry.generated.ts', import.meta.url), 'utf8');
    expect(file).toBe(renderRegistry(discoverServiceDirs()));
    expect(servicePackages.length).toBe(discoverServiceDirs().length);
  });

  it('every shipped package validates', () => {
    for (const src of servicePackages) expect(loadServicePackage(src).manifest.format).toBe(1);
  });

  it('a broken manifest is refused with the paths at fault', () => {
    const good = servicePackages[0]!;
    const broken = {
      ...good,
      manifest: {
        ...good.manifest,
        version: 'one',
        routing: [{ when: { category: 'nope' }, department: 'X' }],
      },
    };
    try {
      loadServicePackage(broken);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ManifestError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/version/);
      expect(msg).toMatch(/unknown category nope/);
    }
    const missingTemplate = {
      ...good,
      manifest: {
        ...good.manifest,
        templates: [
          {
            code: 'x',
            title: { ru: 'x', en: 'x' },
            purpose: 'answer' as const,
            file: { ru: 'templates/nope.docx', en: 'templates/nope.docx' },
          },
        ],
      },
    };
    expect(() => loadServicePackage(missingTemplate)).toThrow(/does not exist/);
  });
});

describe('catalog http', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(async () => p.close());

  it('lists packages and the demo municipality’s installed services publicly', async () => {
    const pkgs = (await p.app.inject('/api/services')).json();
    expect(pkgs.items.map((x: { slug: string }) => x.slug)).toEqual([
      'appeals-59fz',
      'city-portal',
      'urban-reports',
    ]);
    const inst = (await p.app.inject('/api/m/zarechny/services')).json();
    expect(inst.items.map((x: { slug: string }) => x.slug)).toEqual(['appeals-59fz', 'urban-reports']);
    expect(inst.items[0].settings).toEqual({}); // settings only for service managers
    const one = (await p.app.inject('/api/m/zarechny/services/urban-reports')).json();
    expect(one.intakeForm.fields.some((f: { type: string }) => f.type === 'location')).toBe(true);
    // The templates answers are drafted from: code, title and purpose, never the package's file paths.
    const appeals = (await p.app.inject('/api/m/zarechny/services/appeals-59fz')).json();
    expect(appeals.templates).toContainEqual(expect.objectContaining({ code: 'answer', purpose: 'answer' }));
    expect(JSON.stringify(appeals.templates)).not.toContain('.docx');
  });

  it('installs a package a second time under another slug, with checked settings', async () => {
    const admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    const install = (payload: object) =>
      p.app.inject({ method: 'POST', url: '/api/m/zarechny/services', headers: admin.headers, payload });
    expect((await install({ packageSlug: 'appeals-59fz' })).json().error.code).toBe('instance_exists');
    expect((await install({ packageSlug: 'nope' })).statusCode).toBe(404);
    expect(
      (
        await install({
          packageSlug: 'appeals-59fz',
          slug: 'appeals-2',
          settings: { allow_anonymous_web: 'yes' },
        })
      ).json().error.code,
    ).toBe('bad_setting');
    const ok = await install({
      packageSlug: 'appeals-59fz',
      slug: 'appeals-2',
      settings: { allow_anonymous_web: false },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().settings).toEqual({ allow_anonymous_web: false });
    const executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
    const denied = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/services',
      headers: executor.headers,
      payload: { packageSlug: 'urban-reports', slug: 'x2' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
