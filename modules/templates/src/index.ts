/**
 * Document templates: DOCX templates filled from placeholders (docxtemplater), the same letter
 * as PDF with embedded Cyrillic fonts (pdfkit + DejaVu), plain text for search and preview, and
 * the signature stamp of a signed copy.
 */
export {
  renderTemplate,
  previewPdf,
  loadTemplateFile,
  type RenderTemplateInput,
  type RenderedDocument,
} from './render-template.ts';
export { renderPdf, renderSignedPdf, type PdfOptions, type SignatureStamp } from './render-pdf.ts';
export { fillDocx, listPlaceholders as listPlaceholdersOfBytes, badTemplate } from './render-docx.ts';
export {
  TEMPLATE_FIELDS,
  prepareFields,
  paragraphsOf,
  type TemplateFieldName,
  type TemplateFields,
  type FieldValue,
} from './fields.ts';
export { formatLetterDate, formatStampTime, DEFAULT_TIME_ZONE } from './dates.ts';
export {
  readDocxModel,
  paragraphText,
  type DocxModel,
  type DocxParagraph,
  type DocxRun,
} from './docx-model.ts';
export { buildLetterDocx, type LetterParagraph, type LetterSpec } from './authoring.ts';
export { packageTemplatePath, type PackageWithTemplates } from './package-templates.ts';
export { SAMPLE_FIELDS } from './sample-fields.ts';
export { docxToText, extractText } from '@zemstvo/storage';

import { listPlaceholders as placeholdersOf } from './render-docx.ts';
import { loadTemplateFile } from './render-template.ts';

/** The placeholders and loops a template uses (bytes or a path). */
export async function listPlaceholders(file: Uint8Array | string): Promise<string[]> {
  return placeholdersOf(await loadTemplateFile(file));
}
