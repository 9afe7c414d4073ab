import PizZip from 'pizzip';
import { escapeXml } from './xml.ts';

/**
 * Writes DOCX letters from a short description (used by `scripts/make-templates.ts` to make the
 * packages' templates): A4 with the margins of GOST R 7.0.97 (left 30 mm, right 15 mm, top and
 * bottom 20 mm), Times New Roman 14 pt. Each paragraph is one run, so `{placeholders}` stay whole
 * for the template engine; a `\t` in a paragraph puts what follows flush right (signature lines).
 */
export interface LetterParagraph {
  text: string;
  align?: 'left' | 'center' | 'right' | 'both';
  bold?: boolean;
  italic?: boolean;
  /** Points (default 14). */
  size?: number;
  /** First-line indent of 1.25 cm (body text). */
  firstLine?: boolean;
  /** Left indent, cm (the addressee block sits in the right half). */
  indentLeftCm?: number;
  /** Space after, points. */
  after?: number;
  before?: number;
  borderBottom?: boolean;
  keepWithNext?: boolean;
}

export interface LetterSpec {
  lang: 'ru-RU' | 'en-GB';
  title: string;
  paragraphs: readonly LetterParagraph[];
}

const PAGE = { w: 11906, h: 16838, top: 1134, right: 850, bottom: 1134, left: 1701 };
const TEXT_WIDTH = PAGE.w - PAGE.left - PAGE.right;
/** Fixed dates inside the archive: the same description always gives the same bytes. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function run(text: string, p: LetterParagraph): string {
  const rPr = [
    p.bold ? '<w:b/>' : '',
    p.italic ? '<w:i/>' : '',
    p.size ? `<w:sz w:val="${p.size * 2}"/><w:szCs w:val="${p.size * 2}"/>` : '',
  ].join('');
  const parts = text.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`);
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${parts.join('<w:br/>')}</w:r>`;
}

function paragraphXml(p: LetterParagraph): string {
  const [left, right] = p.text.split('\t');
  const pPr = [
    p.keepWithNext ? '<w:keepNext/>' : '',
    p.borderBottom ? '<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="000000"/></w:pBdr>' : '',
    right !== undefined ? `<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}"/></w:tabs>` : '',
    p.before || p.after
      ? `<w:spacing w:before="${(p.before ?? 0) * 20}" w:after="${(p.after ?? 0) * 20}"/>`
      : '',
    p.firstLine || p.indentLeftCm
      ? `<w:ind w:left="${Math.round((p.indentLeftCm ?? 0) * 567)}"${p.firstLine ? ' w:firstLine="709"' : ''}/>`
      : '',
    p.align && p.align !== 'left' ? `<w:jc w:val="${p.align}"/>` : '',
  ].join('');
  const runs =
    right === undefined
      ? left
        ? run(left, p)
        : ''
      : `${left ? run(left, p) : ''}<w:r><w:tab/></w:r>${run(right, p)}`;
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

export function buildLetterDocx(spec: LetterSpec): Uint8Array {
  const body = spec.paragraphs.map(paragraphXml).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}<w:sectPr><w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}"/><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="${spec.lang}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(spec.title)}</dc:title><dc:creator>Zemstvo</dc:creator><dc:language>${spec.lang}</dc:language></cp:coreProperties>`;
  const zip = new PizZip();
  const add = (name: string, data: string) =>
    zip.file(name, data, { date: FIXED_DATE, createFolders: false });
  add('[Content_Types].xml', contentTypes);
  add('_rels/.rels', rels);
  add('word/document.xml', document);
  add('word/styles.xml', styles);
  add('word/_rels/document.xml.rels', docRels);
  add('docProps/core.xml', core);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' }) as Uint8Array;
}
