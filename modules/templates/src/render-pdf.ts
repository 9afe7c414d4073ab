import PDFDocument from 'pdfkit';
import type { Locale } from '@zemstvo/kernel';
import { DEFAULT_TIME_ZONE, formatStampTime } from './dates.ts';
import { readDocxModel, type DocxModel, type DocxParagraph, type DocxRun } from './docx-model.ts';
import { FONTS, fontFor, type FontName } from './fonts.ts';

/** Who signed, when, and the hash of what was signed: printed as a stamp and on every page's foot. */
export interface SignatureStamp {
  signerName: string;
  signerPosition?: string | null;
  signedAt: Date;
  /** SHA-256 (hex) of the signed content, e.g. the approved DOCX. */
  sha256: string;
  /** Where anyone can check the file (the public verification page). */
  verifyUrl?: string | null;
}

export interface PdfOptions {
  locale: Locale;
  /** A "DRAFT" watermark on every page (previews before signing). */
  draft?: boolean;
  signature?: SignatureStamp | null;
  /** Document title in the PDF's properties. */
  title?: string;
  /** The PDF's creation date (default: the signature's time, else now); same inputs → same bytes. */
  createdAt?: Date;
  timeZone?: string;
}

/** DejaVu is wider than Times New Roman, which the DOCX templates use: sizes are scaled to match lines. */
const SIZE_SCALE = 0.9;
const FOOTER_RESERVE = 26;

const TEXTS = {
  ru: {
    draft: 'ПРОЕКТ',
    stampTitle: 'ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ',
    signer: 'Подписал',
    signedAt: 'Дата подписания',
    verify: 'Проверка подлинности',
    footer: (s: SignatureStamp, at: string) =>
      `Документ подписан простой электронной подписью: ${s.signerName}, ${at}, SHA-256 ${s.sha256}`,
    page: (n: number, total: number) => `${n} из ${total}`,
  },
  en: {
    draft: 'DRAFT',
    stampTitle: 'SIGNED WITH A SIMPLE ELECTRONIC SIGNATURE',
    signer: 'Signed by',
    signedAt: 'Signed at',
    verify: 'Verify at',
    footer: (s: SignatureStamp, at: string) =>
      `Signed with a simple electronic signature: ${s.signerName}, ${at}, SHA-256 ${s.sha256}`,
    page: (n: number, total: number) => `${n} of ${total}`,
  },
} as const;

/**
 * Lays a DOCX out as a PDF with embedded Cyrillic fonts: the page and margins of the DOCX, its
 * paragraphs (alignment, indents, spacing, borders, bold/italic runs, a right-aligned part after a
 * tab as in signature lines), page numbers from page 2, an optional DRAFT watermark and the
 * signature stamp (a box after the text and a line at the foot of every page).
 */
export async function renderPdf(docx: Uint8Array, opts: PdfOptions): Promise<Uint8Array> {
  return layoutPdf(readDocxModel(docx), opts);
}

/** Renders the signed copy: the same layout with the signature stamp. */
export function renderSignedPdf(
  docx: Uint8Array,
  stamp: SignatureStamp,
  opts: Omit<PdfOptions, 'signature' | 'draft'>,
): Promise<Uint8Array> {
  return renderPdf(docx, { ...opts, signature: stamp, draft: false });
}

export async function layoutPdf(model: DocxModel, opts: PdfOptions): Promise<Uint8Array> {
  const t = TEXTS[opts.locale];
  const { margins } = model.page;
  const reserve = opts.signature ? FOOTER_RESERVE : 0;
  const doc = new PDFDocument({
    size: [model.page.width, model.page.height],
    margins: { ...margins, bottom: margins.bottom + reserve },
    bufferPages: true,
    font: FONTS.regular,
    lang: opts.locale === 'ru' ? 'ru-RU' : 'en-GB',
    displayTitle: Boolean(opts.title),
    pdfVersion: '1.7',
    info: {
      Title: opts.title ?? '',
      Producer: 'Zemstvo',
      Creator: 'Zemstvo',
      CreationDate: opts.createdAt ?? opts.signature?.signedAt ?? new Date(),
    },
  });
  for (const [name, path] of Object.entries(FONTS)) doc.registerFont(name, path);
  const done = collect(doc);
  const width = model.page.width - margins.left - margins.right;

  for (const p of model.paragraphs) drawParagraph(doc, p, model, margins.left, width);
  if (opts.signature) drawStamp(doc, opts.signature, opts, margins.left, width);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    if (range.count > 1)
      doc
        .font('sans')
        .fontSize(8)
        .fillColor('#555555')
        .text(t.page(i + 1, range.count), margins.left, margins.top / 2, {
          width,
          align: 'center',
          lineBreak: false,
        });
    if (opts.signature) {
      const at = formatStampTime(opts.signature.signedAt, opts.locale, opts.timeZone ?? DEFAULT_TIME_ZONE);
      doc
        .font('sans')
        .fontSize(6.5)
        .fillColor('#333333')
        .text(t.footer(opts.signature, at), margins.left, model.page.height - margins.bottom - reserve + 6, {
          width,
          align: 'left',
        });
    }
    if (opts.draft) drawWatermark(doc, t.draft, model);
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

const sizeOf = (r: DocxRun | undefined, model: DocxModel) => (r?.size ?? model.defaultSize) * SIZE_SCALE;

function useRunFont(doc: PDFKit.PDFDocument, r: DocxRun, model: DocxModel): void {
  doc
    .font(fontFor(r.bold, r.italic) satisfies FontName)
    .fontSize(sizeOf(r, model))
    .fillColor(r.color ?? '#000000');
}

function drawParagraph(
  doc: PDFKit.PDFDocument,
  p: DocxParagraph,
  model: DocxModel,
  left: number,
  width: number,
): void {
  if (p.pageBreakBefore) doc.addPage();
  const size = sizeOf(p.runs[0], model);
  const lineGap = Math.max(0, (p.lineSpacing - 1) * size * 1.15);
  const x = left + p.indentLeft;
  const w = width - p.indentLeft;
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + p.spaceBefore + size * 1.2 > bottom) doc.addPage();
  else doc.y += p.spaceBefore;
  const tab = p.runs.findIndex((r) => r.text === '\t');
  const runs = p.runs.filter((r) => r.text !== '');
  if (runs.length === 0) {
    doc.font('regular').fontSize(size);
    doc.y += doc.currentLineHeight(true) + lineGap;
  } else if (tab >= 0) {
    drawTabbed(
      doc,
      p.runs.slice(0, tab),
      p.runs.slice(tab + 1).filter((r) => r.text !== '\t'),
      model,
      x,
      w,
      lineGap,
    );
  } else {
    const y = doc.y;
    runs.forEach((r, i) => {
      useRunFont(doc, r, model);
      const options: PDFKit.Mixins.TextOptions = {
        width: w,
        align: p.align,
        indent: p.indentFirstLine,
        lineGap,
        continued: i < runs.length - 1,
        underline: r.underline,
      };
      if (i === 0) doc.text(r.text, x, y, options);
      else doc.text(r.text, options);
    });
  }
  if (p.borderBottom) {
    const ly = doc.y + 2;
    doc
      .moveTo(left, ly)
      .lineTo(left + width, ly)
      .lineWidth(0.8)
      .strokeColor('#000000')
      .stroke();
    doc.y = ly + 2;
  }
  doc.x = left;
  doc.y += p.spaceAfter;
}

/** `left<TAB>right`: the left part from the indent, the right part flush right, on the same line. */
function drawTabbed(
  doc: PDFKit.PDFDocument,
  leftRuns: DocxRun[],
  rightRuns: DocxRun[],
  model: DocxModel,
  x: number,
  w: number,
  lineGap: number,
): void {
  const y = doc.y;
  const text = (runs: DocxRun[]) => runs.map((r) => r.text).join('');
  const style = (runs: DocxRun[]) => runs.find((r) => r.text.trim() !== '') ?? runs[0];
  let endY = y;
  const leftStyle = style(leftRuns);
  if (leftStyle) {
    useRunFont(doc, leftStyle, model);
    doc.text(text(leftRuns), x, y, { width: w * 0.6, align: 'left', lineGap });
    endY = Math.max(endY, doc.y);
  }
  const rightStyle = style(rightRuns);
  if (rightStyle) {
    useRunFont(doc, rightStyle, model);
    doc.text(text(rightRuns), x + w * 0.6, y, { width: w * 0.4, align: 'right', lineGap });
    endY = Math.max(endY, doc.y);
  }
  doc.y = endY;
}

function drawStamp(
  doc: PDFKit.PDFDocument,
  s: SignatureStamp,
  opts: PdfOptions,
  left: number,
  width: number,
): void {
  const t = TEXTS[opts.locale];
  const boxWidth = Math.min(320, width);
  const x = left + width - boxWidth;
  const pad = 6;
  const lines: [FontName, number, string][] = [
    ['sansBold', 7, t.stampTitle],
    ['sans', 7.5, `${t.signer}: ${s.signerName}${s.signerPosition ? `, ${s.signerPosition}` : ''}`],
    [
      'sans',
      7.5,
      `${t.signedAt}: ${formatStampTime(s.signedAt, opts.locale, opts.timeZone ?? DEFAULT_TIME_ZONE)}`,
    ],
    ['mono', 6.2, `SHA-256: ${s.sha256}`],
    ...(s.verifyUrl ? ([['sans', 7, `${t.verify}: ${s.verifyUrl}`]] as [FontName, number, string][]) : []),
  ];
  const height = lines.reduce(
    (h, [font, size, text]) =>
      h +
      doc
        .font(font)
        .fontSize(size)
        .heightOfString(text, { width: boxWidth - 2 * pad }) +
      2,
    2 * pad,
  );
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + 12 + height > bottom) doc.addPage();
  const y = doc.y + 12;
  doc.roundedRect(x, y, boxWidth, height, 4).lineWidth(1).strokeColor('#1f3f8f').stroke();
  let cy = y + pad;
  for (const [font, size, text] of lines) {
    doc
      .font(font)
      .fontSize(size)
      .fillColor('#1f3f8f')
      .text(text, x + pad, cy, { width: boxWidth - 2 * pad, align: font === 'sansBold' ? 'center' : 'left' });
    cy = doc.y + 2;
  }
  doc.x = left;
  doc.y = y + height;
}

function drawWatermark(doc: PDFKit.PDFDocument, text: string, model: DocxModel): void {
  const { width, height } = model.page;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.font('sansBold').fontSize(96).fillColor('#b00000').opacity(0.12);
  doc.text(text, 0, height / 2 - 48, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.opacity(1);
}
