import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName } from './file-names.ts';

describe('download file names', () => {
  it('keeps Cyrillic names and drops what could break a header or a path', () => {
    expect(safeFileName('ИСХ-ОГ-2026-000001 (версия 2).pdf')).toBe('ИСХ-ОГ-2026-000001 (версия 2).pdf');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('a\r\nb"c\u0000.pdf')).toBe('ab-c.pdf');
    expect(safeFileName('...')).toBe('document');
  });

  it('gives an ASCII fallback and the UTF-8 name', () => {
    const h = contentDisposition('attachment', 'Ответ №1.pdf');
    expect(h).toBe(
      `attachment; filename="_____ _1.pdf"; filename*=UTF-8''${encodeURIComponent('Ответ №1.pdf')}`,
    );
    expect(contentDisposition('inline', 'x";y.pdf')).toMatch(/^inline; filename="x-_y\.pdf"; /);
  });
});
