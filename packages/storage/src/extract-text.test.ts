import { describe, expect, it } from 'vitest';
import { isAppError } from '@zemstvo/kernel';
import { DOCX_MEDIA_TYPE, ODT_MEDIA_TYPE } from './file-types.ts';
import { docxToText, extractText } from './extract-text.ts';
import { minimalDocx, minimalOdt, writeZip } from './testing/index.ts';

describe('text of documents', () => {
  it('reads DOCX paragraphs, tabs, breaks and entities, but not field codes or deleted text', () => {
    const extra =
      '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Глава</w:t></w:r><w:r><w:tab/><w:t>И. И. Иванов</w:t></w:r></w:p>' +
      '<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>a &amp; b &lt;c&gt;</w:t><w:br/><w:t>next</w:t><w:delText>gone</w:delText></w:r></w:p>';
    const docx = minimalDocx(['Уважаемый Иван Петрович!', 'Сообщаем…']);
    const text = docxToText(docx);
    expect(text).toBe('Уважаемый Иван Петрович!\nСообщаем…');
    const withExtra = docxWith(extra);
    expect(docxToText(withExtra)).toBe('Глава\tИ. И. Иванов\na & b <c>\nnext');
  });

  it('reads ODT paragraphs and plain text; has no text for images', () => {
    expect(extractText(minimalOdt(['Первый', 'Второй']), ODT_MEDIA_TYPE)).toBe('Первый\nВторой');
    expect(extractText(new TextEncoder().encode('\ufeffПривет'), 'text/plain')).toBe('Привет');
    expect(extractText(minimalDocx(['x']), DOCX_MEDIA_TYPE)).toBe('x');
    expect(extractText(new Uint8Array([1]), 'image/png')).toBeNull();
  });

  it('never unpacks more than an entry declares (a lying header is archive_too_large)', () => {
    const body = `<w:document xmlns:w="x"><w:body>${'<w:p><w:r><w:t>AAAAAAAAAA</w:t></w:r></w:p>'.repeat(2000)}</w:body></w:document>`;
    const lying = docxWith('', { documentXml: body, declaredSize: 1000 });
    try {
      docxToText(lying);
      throw new Error('accepted');
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('archive_too_large');
    }
  });
});

function docxWith(
  paragraphsXml: string,
  opts: { documentXml?: string; declaredSize?: number } = {},
): Uint8Array {
  const xml =
    opts.documentXml ??
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphsXml}</w:body></w:document>`;
  return writeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    {
      name: 'word/document.xml',
      data: xml,
      ...(opts.declaredSize ? { declare: { uncompressedSize: opts.declaredSize } } : {}),
    },
  ]);
}
