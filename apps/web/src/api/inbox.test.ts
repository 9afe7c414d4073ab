import { describe, expect, it } from 'vitest';
import { inboxApiPath, inboxSearch, pageCount, readInboxQuery } from './inbox.ts';

describe('inbox query', () => {
  it('reads the page URL, falling back to the member’s first box and page 1', () => {
    expect(readInboxQuery(new URLSearchParams('box=nonsense&page=-3'), 'to_sign')).toEqual({
      box: 'to_sign',
      q: '',
      status: '',
      category: '',
      from: '',
      to: '',
      page: 1,
    });
    const q = readInboxQuery(new URLSearchParams('box=overdue&q=Яма&page=3&category=roads'), 'all');
    expect(q).toMatchObject({ box: 'overdue', q: 'Яма', page: 3, category: 'roads' });
  });

  it('turns a query into the API’s limit/offset and filters, and back into a short page URL', () => {
    const q = readInboxQuery(new URLSearchParams('box=all&q=%20ОГ-2026%20&status=registered&page=2'), 'all');
    expect(inboxApiPath('zarechny', q)).toBe(
      '/api/m/zarechny/inbox?box=all&limit=25&offset=25&q=%D0%9E%D0%93-2026&status=registered',
    );
    expect(inboxSearch(q).toString()).toBe('box=all&q=%D0%9E%D0%93-2026&status=registered&page=2');
    expect(inboxSearch({ ...q, q: '', status: '', page: 1 }).toString()).toBe('box=all');
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(25)).toBe(1);
    expect(pageCount(26)).toBe(2);
    expect(pageCount(100_000)).toBe(4000);
  });
});
