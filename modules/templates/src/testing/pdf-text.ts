import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF page by page, read with pdf.js (what a viewer would show and copy). */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return { pages, text: pages.join('\n') };
}
