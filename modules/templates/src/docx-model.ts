import { inspectArchive, readZipText } from '@zemstvo/storage';
import { childElements, findDeep, firstChild, isElement, parseXml, type XmlElement } from './xml.ts';

/**
 * What of a DOCX the PDF renderer lays out: the page (size, margins) and the body's paragraphs
 * with their alignment, indents, spacing, bottom border and runs (bold, italic, size, colour,
 * tabs, line breaks). Tables are read cell by cell as paragraphs. Units are points.
 */
export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Points, or null for the document default. */
  size: number | null;
  color: string | null;
}

export interface DocxParagraph {
  align: 'left' | 'center' | 'right' | 'justify';
  indentLeft: number;
  indentFirstLine: number;
  spaceBefore: number;
  spaceAfter: number;
  /** Line height as a multiple of single spacing. */
  lineSpacing: number;
  borderBottom: boolean;
  pageBreakBefore: boolean;
  /** Runs; a `\t` run is a tab, a `\n` in text a line break. */
  runs: DocxRun[];
}

export interface DocxModel {
  page: {
    width: number;
    height: number;
    margins: { top: number; right: number; bottom: number; left: number };
  };
  defaultSize: number;
  defaultSpaceAfter: number;
  defaultLineSpacing: number;
  paragraphs: DocxParagraph[];
}

const twip = (v: string | undefined, fallback: number) =>
  v === undefined || v === '' ? fallback : Number(v) / 20;
const isOn = (el: XmlElement | undefined) =>
  el !== undefined && !['0', 'false', 'none'].includes(el.attrs['w:val'] ?? 'true');

/** Reads the layout model of a DOCX (zip bombs are refused before anything unpacks). */
export function readDocxModel(docx: Uint8Array): DocxModel {
  const entries = inspectArchive(docx);
  const document = parseXml(readZipText(docx, entries, 'word/document.xml') ?? '');
  const styles = parseXml(readZipText(docx, entries, 'word/styles.xml') ?? '');
  const defaults = findDeep(styles, 'w:docDefaults');
  const rDefault = findDeep(firstChild(defaults, 'w:rPrDefault') ?? emptyEl, 'w:sz');
  const pSpacing = findDeep(firstChild(defaults, 'w:pPrDefault') ?? emptyEl, 'w:spacing');
  const body = findDeep(document, 'w:body') ?? emptyEl;
  const sect = findDeep(body, 'w:sectPr');
  const pgSz = firstChild(sect, 'w:pgSz');
  const pgMar = firstChild(sect, 'w:pgMar');
  const model: DocxModel = {
    page: {
      width: twip(pgSz?.attrs['w:w'], 595.28),
      height: twip(pgSz?.attrs['w:h'], 841.89),
      margins: {
        top: twip(pgMar?.attrs['w:top'], 56.7),
        right: twip(pgMar?.attrs['w:right'], 42.5),
        bottom: twip(pgMar?.attrs['w:bottom'], 56.7),
        left: twip(pgMar?.attrs['w:left'], 85),
      },
    },
    defaultSize: rDefault ? Number(rDefault.attrs['w:val']) / 2 : 11,
    defaultSpaceAfter: twip(pSpacing?.attrs['w:after'], 0),
    defaultLineSpacing: lineOf(pSpacing, 1),
    paragraphs: [],
  };
  collectParagraphs(body, model);
  return model;
}

const emptyEl: XmlElement = { name: '', attrs: {}, children: [] };

function lineOf(spacing: XmlElement | undefined, fallback: number): number {
  const line = spacing?.attrs['w:line'];
  const rule = spacing?.attrs['w:lineRule'] ?? 'auto';
  return line && rule === 'auto' ? Number(line) / 240 : fallback;
}

function collectParagraphs(el: XmlElement, model: DocxModel): void {
  for (const c of childElements(el)) {
    if (c.name === 'w:p') model.paragraphs.push(readParagraph(c, model));
    else if (
      c.name === 'w:tbl' ||
      c.name === 'w:tr' ||
      c.name === 'w:tc' ||
      c.name === 'w:sdt' ||
      c.name === 'w:sdtContent'
    )
      collectParagraphs(c, model);
  }
}

function readParagraph(p: XmlElement, model: DocxModel): DocxParagraph {
  const pPr = firstChild(p, 'w:pPr');
  const jc = firstChild(pPr, 'w:jc')?.attrs['w:val'] ?? 'left';
  const ind = firstChild(pPr, 'w:ind');
  const spacing = firstChild(pPr, 'w:spacing');
  const firstLine = twip(ind?.attrs['w:firstLine'], 0) - twip(ind?.attrs['w:hanging'], 0);
  const paragraph: DocxParagraph = {
    align:
      jc === 'center'
        ? 'center'
        : jc === 'right' || jc === 'end'
          ? 'right'
          : jc === 'both' || jc === 'distribute'
            ? 'justify'
            : 'left',
    indentLeft: twip(ind?.attrs['w:left'] ?? ind?.attrs['w:start'], 0),
    indentFirstLine: firstLine,
    spaceBefore: twip(spacing?.attrs['w:before'], 0),
    spaceAfter: twip(spacing?.attrs['w:after'], model.defaultSpaceAfter),
    lineSpacing: lineOf(spacing, model.defaultLineSpacing),
    borderBottom: firstChild(firstChild(pPr, 'w:pBdr'), 'w:bottom') !== undefined,
    pageBreakBefore: isOn(firstChild(pPr, 'w:pageBreakBefore')),
    runs: [],
  };
  const paragraphRunProps = firstChild(pPr, 'w:rPr');
  const visit = (el: XmlElement) => {
    for (const c of childElements(el)) {
      if (c.name === 'w:r') readRun(c, paragraphRunProps, paragraph);
      else if (
        c.name === 'w:hyperlink' ||
        c.name === 'w:ins' ||
        c.name === 'w:smartTag' ||
        c.name === 'w:sdt' ||
        c.name === 'w:sdtContent'
      )
        visit(c);
    }
  };
  visit(p);
  return paragraph;
}

function readRun(r: XmlElement, inherited: XmlElement | undefined, paragraph: DocxParagraph): void {
  const rPr = firstChild(r, 'w:rPr');
  const prop = (name: string) => firstChild(rPr, name);
  const sz = prop('w:sz') ?? firstChild(inherited, 'w:sz');
  const color = prop('w:color')?.attrs['w:val'];
  const style = {
    bold: isOn(prop('w:b')),
    italic: isOn(prop('w:i')),
    underline: isOn(prop('w:u')),
    size: sz ? Number(sz.attrs['w:val']) / 2 : null,
    color: color && /^[0-9A-Fa-f]{6}$/.test(color) ? `#${color}` : null,
  };
  const push = (text: string) => {
    const last = paragraph.runs[paragraph.runs.length - 1];
    if (text !== '\t' && last && last.text !== '\t' && sameStyle(last, style)) last.text += text;
    else paragraph.runs.push({ text, ...style });
  };
  for (const c of r.children) {
    if (!isElement(c)) continue;
    if (c.name === 'w:t') push(c.children.filter((x) => typeof x === 'string').join(''));
    else if (c.name === 'w:tab' || c.name === 'w:ptab') push('\t');
    else if (c.name === 'w:br' || c.name === 'w:cr') {
      if (c.attrs['w:type'] === 'page') paragraph.pageBreakBefore ||= paragraph.runs.length === 0;
      else push('\n');
    } else if (c.name === 'w:noBreakHyphen') push('\u2011');
  }
}

const sameStyle = (a: Omit<DocxRun, 'text'>, b: Omit<DocxRun, 'text'>) =>
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.size === b.size &&
  a.color === b.color;

/** The plain text of a paragraph (tabs and breaks kept). */
export const paragraphText = (p: DocxParagraph): string => p.runs.map((r) => r.text).join('');
