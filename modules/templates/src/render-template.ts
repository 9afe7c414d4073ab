import { readFile } from 'node:fs/promises';
import type { Locale } from '@zemstvo/kernel';
import { docxToText } from '@zemstvo/storage';
import { prepareFields, type TemplateFields } from './fields.ts';
import { fillDocx } from './render-docx.ts';
import { renderPdf, type SignatureStamp } from './render-pdf.ts';
import { readDocxModel, paragraphText } from './docx-model.ts';

export interface RenderTemplateInput {
  /** The DOCX template: its bytes, or a path (a package's `templates/*.docx`). */
  file: Uint8Array | string;
  fields: TemplateFields;
  locale: Locale;
  /** A DRAFT watermark on the PDF (previews). */
  draft?: boolean;
  /** The signature stamp on the PDF (the signed copy). */
  signature?: SignatureStamp | null;
  /** The PDF's creation date; same inputs and date → the same PDF bytes. */
  createdAt?: Date;
  timeZone?: string;
}

export interface RenderedDocument {
  /** The filled DOCX (what the executor may edit and upload back). */
  docx: Uint8Array;
  /** The same letter as PDF with embedded Cyrillic fonts. */
  pdf: Uint8Array;
  /** Plain text for search and previews. */
  text: string;
  /** Placeholders that had no value (empty in the document). */
  missing: string[];
}

export async function loadTemplateFile(file: Uint8Array | string): Promise<Uint8Array> {
  return typeof file === 'string' ? new Uint8Array(await readFile(file)) : file;
}

/** Fills a DOCX template and renders it to PDF and to plain text. */
export async function renderTemplate(input: RenderTemplateInput): Promise<RenderedDocument> {
  const template = await loadTemplateFile(input.file);
  const { docx, missing } = fillDocx(template, prepareFields(input.fields, input.locale, input.timeZone));
  const model = readDocxModel(docx);
  const title = model.paragraphs
    .map(paragraphText)
    .find((t) => t.trim() !== '')
    ?.trim();
  const pdf = await renderPdf(docx, {
    locale: input.locale,
    draft: input.draft,
    signature: input.signature,
    title,
    createdAt: input.createdAt,
    timeZone: input.timeZone,
  });
  return { docx, pdf, text: docxToText(docx), missing };
}

/** The PDF preview of a DOCX (a draft the executor uploaded or edited), with the DRAFT watermark. */
export function previewPdf(docx: Uint8Array, locale: Locale, createdAt?: Date): Promise<Uint8Array> {
  return renderPdf(docx, { locale, draft: true, createdAt });
}
