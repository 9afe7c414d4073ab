/**
 * Renders every template of the applied-service packages with sample values, as the resident
 * would get it (PDF, signed stamp included), and, where Debian's `pdftoppm` (poppler-utils) is
 * installed, the first page as PNG to look at. Run by hand after changing a template or the
 * renderer: `npx tsx scripts/preview-templates.ts [out-dir]` (default: a temporary folder).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex, type Locale } from '@zemstvo/kernel';
import { renderTemplate, SAMPLE_FIELDS } from '@zemstvo/templates';

const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'zemstvo-templates-'));
mkdirSync(out, { recursive: true });
let hasPoppler = true;
for (const slug of ['appeals-59fz', 'urban-reports']) {
  const dir = new URL(`../services/${slug}/templates/`, import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.docx'))) {
    const locale = file.split('.')[1] as Locale;
    const path = new URL(file, dir).pathname;
    const draft = await renderTemplate({ file: path, fields: SAMPLE_FIELDS[locale], locale });
    const signed = await renderTemplate({
      file: path,
      fields: SAMPLE_FIELDS[locale],
      locale,
      signature: {
        signerName: String(SAMPLE_FIELDS[locale].signatory_name),
        signerPosition: String(SAMPLE_FIELDS[locale].signatory_position),
        signedAt: new Date(),
        sha256: sha256Hex(draft.docx),
        verifyUrl: 'http://localhost:3000/verify',
      },
    });
    const base = join(out, `${slug}.${file.replace(/\.docx$/, '')}`);
    writeFileSync(`${base}.docx`, signed.docx);
    writeFileSync(`${base}.pdf`, signed.pdf);
    if (hasPoppler)
      try {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '70',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          `${base}.pdf`,
          base,
        ]);
      } catch {
        hasPoppler = false;
        console.warn('pdftoppm not found (apt-get install poppler-utils): PDFs only');
      }
    console.log(
      `${base}.pdf${hasPoppler ? ` ${base}.png` : ''}${signed.missing.length ? ` missing: ${signed.missing.join(', ')}` : ''}`,
    );
  }
}
