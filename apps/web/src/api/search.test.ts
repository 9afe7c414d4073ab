import { describe, expect, it } from 'vitest';
import { monthRange, readSearchState, searchApiPath, searchParamsOf, snippetParts } from './search.ts';

describe('search snippets', () => {
  it('reads only the <mark> markers as markup and decodes the escaped text', () => {
    expect(snippetParts('сломаны <mark>качели</mark> &lt;b&gt; &amp; «X»')).toEqual([
      { text: 'сломаны ', marked: false },
      { text: 'качели', marked: true },
      { text: ' <b> & «X»', marked: false },
    ]);
  });

  it('keeps a script tag as text, not markup', () => {
    const parts = snippetParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>яма</mark>');
    expect(parts[0]).toEqual({ text: '<script>alert(1)</script> ', marked: false });
    expect(parts[1]).toEqual({ text: 'яма', marked: true });
  });
});

describe('search state in the URL', () => {
  it('round-trips the words, facets and page', () => {
    const s = readSearchState(new URLSearchParams('q=качели&kind=appeal&period=2026-02&page=3&bogus=1'));
    expect(s).toEqual({ q: 'качели', filters: { kind: 'appeal', period: '2026-02' }, page: 3 });
    expect(searchParamsOf(s).toString()).toBe(
      'q=%D0%BA%D0%B0%D1%87%D0%B5%D0%BB%D0%B8&kind=appeal&period=2026-02&page=3',
    );
  });

  it('asks the API for a month as a date range and a page as an offset', () => {
    const path = searchApiPath('zarechny', {
      q: 'яма',
      filters: { period: '2024-02', status: 'registered' },
      page: 2,
    });
    const url = new URL(path!, 'http://x');
    expect(url.pathname).toBe('/api/m/zarechny/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'яма',
      limit: '20',
      offset: '20',
      status: 'registered',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(searchApiPath('zarechny', { q: '', filters: {}, page: 1 })).toBeNull();
    expect(monthRange('2026-13')).toBeNull();
  });
});
