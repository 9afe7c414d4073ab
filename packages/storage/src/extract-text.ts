import { DOCX_MEDIA_TYPE, ODT_MEDIA_TYPE } from './file-types.ts';
import { inspectArchive, readZipText } from './zip.ts';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './upload-limits.ts';

/**
 * Plain text of documents, for search and previews: DOCX and ODT (paragraphs on lines, tabs kept),
 * plain text as is. Archives are inspected for zip bombs first and unpacked within their declared
 * sizes. Other types (images, audio, PDF) have no text here.
 */
export function extractText(
  bytes: Uint8Array,
  mediaType: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): string | null {
  switch (mediaType) {
    case DOCX_MEDIA_TYPE:
      return docxToText(bytes, limits);
    case ODT_MEDIA_TYPE:
      return odtToText(bytes, limits);
    case 'text/plain':
      return new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
    default:
      return null;
  }
}

/** The text of a DOCX body: one line per paragraph (table cells too), `\t` for tabs. */
export function docxToText(bytes: Uint8Array, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): string {
  const entries = inspectArchive(bytes, limits);
  const xml = readZipText(bytes, entries, 'word/document.xml') ?? '';
  return xmlParagraphsToText(xml, {
    paragraph: new Set(['w:p']),
    text: new Set(['w:t']),
    tab: new Set(['w:tab', 'w:ptab']),
    lineBreak: new Set(['w:br', 'w:cr']),
    skip: new Set(['w:instrText', 'w:delText', 'w:pPr', 'w:rPr']),
  });
}

/** The text of an ODT body: one line per paragraph and heading. */
export function odtToText(bytes: Uint8Array, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): string {
  const entries = inspectArchive(bytes, limits);
  const xml = readZipText(bytes, entries, 'content.xml') ?? '';
  const body = xml.slice(Math.max(0, xml.indexOf('<office:body')));
  return xmlParagraphsToText(body, {
    paragraph: new Set(['text:p', 'text:h']),
    text: null,
    tab: new Set(['text:tab']),
    lineBreak: new Set(['text:line-break']),
    skip: new Set(['text:note-citation', 'office:annotation']),
    spaces: 'text:s',
  });
}

interface XmlTextRules {
  paragraph: ReadonlySet<string>;
  /** Elements whose character data is text; null: all character data inside a paragraph is. */
  text: ReadonlySet<string> | null;
  tab: ReadonlySet<string>;
  lineBreak: ReadonlySet<string>;
  skip: ReadonlySet<string>;
  /** ODF's run of spaces element (`<text:s text:c="3"/>`). */
  spaces?: string;
}

const TOKEN =
  /<(\/?)([A-Za-z][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;

function xmlParagraphsToText(xml: string, rules: XmlTextRules): string {
  const lines: string[] = [];
  let line = '';
  let depth = 0; // paragraphs nest in ODF (frames, notes); a line ends at the outermost close
  let inText = 0;
  let skipping = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs, selfClose, cdata, chars] = m;
    if (chars !== undefined || cdata !== undefined) {
      if (depth > 0 && skipping === 0 && (rules.text === null || inText > 0))
        line += decodeXml(chars ?? cdata ?? '');
      continue;
    }
    if (!name) continue;
    if (rules.skip.has(name)) {
      if (!selfClose) skipping += close ? -1 : 1;
      continue;
    }
    if (skipping > 0) continue;
    if (rules.paragraph.has(name)) {
      if (close) {
        depth--;
        if (depth === 0) {
          lines.push(line);
          line = '';
        }
      } else if (selfClose) {
        if (depth === 0) lines.push('');
      } else depth++;
    } else if (rules.text?.has(name)) {
      if (!selfClose) inText += close ? -1 : 1;
    } else if (!close && rules.tab.has(name)) line += '\t';
    else if (!close && rules.lineBreak.has(name)) line += '\n';
    else if (!close && name === rules.spaces) {
      const count = Number(/\bc="(\d+)"/.exec(attrs ?? '')?.[1] ?? 1);
      line += ' '.repeat(Math.min(count, 1000));
    }
  }
  return lines.join('\n').replace(/\n+$/, '');
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e as 'lt'] ?? '';
  });
}
