import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, fileAppeal, reportBody } from '@zemstvo/appeals/test/factories';

interface Hit {
  id: string;
  title: string;
  snippet: string;
  kind: string;
  municipality: string;
  score: number;
  metadata: Record<string, unknown>;
}
interface Facet {
  value: string;
  count: number;
}
interface SearchBody {
  total: number;
  items: Hit[];
  facets: Record<string, Facet[]>;
  corrected: string[] | null;
}

describe('search (GET /api/m/:m/search, GET /api/search)', () => {
  let p: TestPlatform;
  let resident: TestSession;
  let resident2: TestSession;
  let registrar: TestSession;
  let analyst: TestSession;
  let sosnovkaRegistrar: TestSession;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    p = await createTestPlatform();
    resident = await p.loginAs('resident@demo.zemstvo.ru');
    resident2 = await p.loginAs('resident2@demo.zemstvo.ru');
    registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    analyst = await p.loginAs('analyst@zarechny.demo.zemstvo.ru');
    sosnovkaRegistrar = await p.loginAs('registrar@sosnovka.demo.zemstvo.ru');
    const register = async (slug: string, id: string, who: TestSession) =>
      expect(
        (
          await p.app.inject({
            method: 'POST',
            url: `/api/m/${slug}/appeals/${id}/register`,
            headers: who.headers,
            payload: {},
          })
        ).statusCode,
      ).toBe(200);
    ids.pit = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      reportBody(
        {},
        {
          text: 'Глубокая яма во дворе, звоните Сидорову +7 912 345-67-89, пишите sidorov@example.org',
          name: 'Пётр Сидоров',
        },
      ),
    );
    ids.light = await fileAppeal(
      p,
      'zarechny',
      resident.headers,
      appealBody({}, { text: 'Не работает уличное освещение возле школы квазиграфа.' }),
    );
    ids.lightFar = await fileAppeal(
      p,
      'zarechny',
      resident2.headers,
      appealBody({}, { text: 'Освещение квазиграфа плохое, и во дворе темно, а уличное кафе закрыто.' }),
    );
    ids.foreign = await fileAppeal(
      p,
      'sosnovka',
      resident.headers,
      appealBody({}, { text: 'Уличное освещение квазиграфа в Сосновке не работает.' }),
    );
    await register('zarechny', ids.pit, registrar);
    await register('zarechny', ids.light, registrar);
    await register('sosnovka', ids.foreign, sosnovkaRegistrar);
  });
  afterAll(async () => p.close());

  const search = async (
    query: string,
    headers: Record<string, string> = {},
    slug = 'zarechny',
  ): Promise<SearchBody> => {
    const res = await p.app.inject({ url: `/api/m/${slug}/search?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SearchBody>();
  };
  const idsOf = (b: SearchBody) => b.items.map((i) => i.id);

  it('finds a word form different from the one written (Russian stemming)', async () => {
    expect(idsOf(await search(`q=${encodeURIComponent('ямы')}`, analyst.headers))).toContain(ids.pit);
    expect(idsOf(await search(`q=${encodeURIComponent('освещения квазиграфов')}`, analyst.headers))).toEqual(
      expect.arrayContaining([ids.light, ids.lightFar]),
    );
  });

  it('tolerates typos: «асвещение» finds «освещение» and says what it searched for', async () => {
    const body = await search(`q=${encodeURIComponent('асвещение квазиграфа')}`, analyst.headers);
    expect(idsOf(body)).toEqual(expect.arrayContaining([ids.light, ids.lightFar]));
    expect(body.corrected).toContain('освещен');
  });

  it('puts the exact phrase first', async () => {
    const body = await search(`q=${encodeURIComponent('уличное освещение квазиграфа')}`, analyst.headers);
    expect(idsOf(body).slice(0, 2)).toEqual([ids.light, ids.lightFar]);
    expect(body.items[0]!.score).toBeGreaterThan(body.items[1]!.score);
  });

  it('counts facets over everything found', async () => {
    const body = await search(`q=${encodeURIComponent('квазиграф')}`, analyst.headers);
    expect(body.total).toBe(2);
    expect(body.facets.kind).toEqual([{ value: 'appeal', count: 2 }]);
    expect(body.facets.category).toEqual([expect.objectContaining({ value: 'housing', count: 2 })]);
    expect(body.facets.status!.reduce((n, f) => n + f.count, 0)).toBe(2);
    expect(body.facets.period!.reduce((n, f) => n + f.count, 0)).toBe(2);
    const filtered = await search(`q=${encodeURIComponent('квазиграф')}&status=received`, analyst.headers);
    expect(idsOf(filtered)).toEqual([ids.lightFar]);
  });

  it('never shows another municipality’s documents', async () => {
    expect(idsOf(await search(`q=${encodeURIComponent('квазиграф')}`, analyst.headers))).not.toContain(
      ids.foreign,
    );
    expect(
      idsOf(await search(`q=${encodeURIComponent('квазиграф')}`, sosnovkaRegistrar.headers, 'sosnovka')),
    ).toEqual([ids.foreign]);
    const across = await p.app.inject({
      url: `/api/search?q=${encodeURIComponent('квазиграф')}`,
      headers: analyst.headers,
    });
    expect(across.statusCode).toBe(200);
    expect(idsOf(across.json<SearchBody>()).sort()).toEqual([ids.light, ids.lightFar].sort());
    expect((await p.app.inject({ url: '/api/search?q=x' })).statusCode).toBe(401);
  });

  it('shows anonymous callers only public reports, masked; residents also their own appeals', async () => {
    const anon = await search(`q=${encodeURIComponent('яма')}`);
    expect(idsOf(anon)).toContain(ids.pit);
    expect(anon.items.every((i) => i.kind === 'appeal')).toBe(true);
    const hit = anon.items.find((i) => i.id === ids.pit)!;
    expect(hit.snippet).toContain('<mark>');
    expect(JSON.stringify(hit)).not.toMatch(/Сидоров|345-67|sidorov@/);
    expect(idsOf(await search(`q=${encodeURIComponent('квазиграф')}`))).toEqual([]);
    expect(idsOf(await search(`q=${encodeURIComponent('квазиграф')}`, resident2.headers))).toEqual([
      ids.lightFar,
    ]);
  });

  it('gives staff the metadata extracted from the text', async () => {
    const body = await search(`q=${encodeURIComponent('яма')}`, analyst.headers);
    const hit = body.items.find((i) => i.id === ids.pit)!;
    expect(hit.metadata).toMatchObject({ phones: ['+79123456789'], emails: ['sidorov@example.org'] });
  });

  it('stems with the municipality’s own configuration (English)', async () => {
    await p.db.transaction((tx) =>
      tx.query(`UPDATE municipalities SET fts_config = 'english' WHERE slug = 'sosnovka'`),
    );
    const lights = await fileAppeal(
      p,
      'sosnovka',
      resident.headers,
      appealBody({}, { text: 'The street lights near the zorbing park are broken' }),
    );
    expect(idsOf(await search('q=zorbing+light', sosnovkaRegistrar.headers, 'sosnovka'))).toEqual([lights]);
    // Russian words are no longer stemmed there: another form of the word does not match.
    expect(
      idsOf(
        await search(
          `q=${encodeURIComponent('освещения квазиграфов')}`,
          sosnovkaRegistrar.headers,
          'sosnovka',
        ),
      ),
    ).toEqual([]);
    expect(
      idsOf(
        await search(
          `q=${encodeURIComponent('освещение квазиграфа')}`,
          sosnovkaRegistrar.headers,
          'sosnovka',
        ),
      ),
    ).toEqual([ids.foreign]);
  });

  it('refuses bad input with the error shape', async () => {
    const res = await p.app.inject({ url: '/api/m/zarechny/search?q=&limit=1000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toHaveProperty('error.code');
  });
});
