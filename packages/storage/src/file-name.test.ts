import { describe, expect, it } from 'vitest';
import { isAppError } from '@zemstvo/kernel';
import { cleanFileName, contentDisposition, extensionOf } from './file-name.ts';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  return 'accepted';
};

describe('file names', () => {
  it('refuses paths: traversal, absolute, Windows', () => {
    for (const name of [
      '../../etc/passwd',
      '/etc/passwd',
      '..\\..\\windows\\win.ini',
      'C:\\fakepath\\a.jpg',
      'a/b.jpg',
      '..',
      '.',
    ])
      expect(
        codeOf(() => cleanFileName(name)),
        name,
      ).toBe('bad_file_name');
  });

  it('removes control, bidi and zero-width characters and Windows-forbidden ones', () => {
    expect(cleanFileName('bad\u0000na\u0007me\u009b.pdf')).toBe('badname.pdf');
    expect(cleanFileName('line\r\nbreak.pdf')).toBe('line break.pdf');
    expect(cleanFileName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('a\u200bb<c>:d"e|f?g*.txt')).toBe('ab_c__d_e_f_g_.txt');
    expect(cleanFileName('  ..hidden.  ')).toBe('hidden');
    expect(cleanFileName('CON.txt')).toBe('_CON.txt');
    expect(cleanFileName('Заявление  на\tремонт.docx')).toBe('Заявление на ремонт.docx');
    expect(codeOf(() => cleanFileName('\u0001\u0002'))).toBe('bad_file_name');
    expect(cleanFileName(undefined)).toBeNull();
    expect(cleanFileName('')).toBeNull();
  });

  it('keeps the extension when shortening a long name', () => {
    const long = `${'я'.repeat(400)}.docx`;
    const clean = cleanFileName(long)!;
    expect([...clean].length).toBe(180);
    expect(clean.endsWith('я.docx')).toBe(true);
  });

  it('reads extensions, ignoring version numbers', () => {
    expect(extensionOf('a.PDF')).toBe('pdf');
    expect(extensionOf('report v1.2')).toBe('');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('.bashrc')).toBe('');
  });

  it('builds a Content-Disposition no name can break', () => {
    expect(contentDisposition('Ответ на обращение.pdf')).toBe(
      `attachment; filename="file.pdf"; filename*=UTF-8''%D0%9E%D1%82%D0%B2%D0%B5%D1%82%20%D0%BD%D0%B0%20%D0%BE%D0%B1%D1%80%D0%B0%D1%89%D0%B5%D0%BD%D0%B8%D0%B5.pdf`,
    );
    const tricky = contentDisposition('a";b=c\\d%e.pdf', true);
    expect(tricky.startsWith('inline; filename="a__b=c_d_e.pdf"; ')).toBe(true);
    expect(tricky).not.toMatch(/[\r\n]/);
    expect(contentDisposition('photo.jpg')).toBe(
      `attachment; filename="photo.jpg"; filename*=UTF-8''photo.jpg`,
    );
  });
});
