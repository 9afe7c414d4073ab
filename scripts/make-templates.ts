/**
 * Makes the DOCX templates of the applied-service packages from the letter texts in
 * `scripts/letters/` (WordprocessingML written by @zemstvo/templates' `buildLetterDocx`, zipped
 * with pizzip): `services/<slug>/templates/<code>.<lang>.docx`. The output is byte-stable, so
 * running it again changes nothing unless a text changed. Run: `npx tsx scripts/make-templates.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildLetterDocx } from '@zemstvo/templates';
import { appealsLetters } from './letters/appeals-59fz.ts';
import { letterSpec, type LetterText } from './letters/common.ts';
import { urbanLetters } from './letters/urban-reports.ts';

const packages: Record<string, Record<string, LetterText>> = {
  'appeals-59fz': appealsLetters,
  'urban-reports': urbanLetters,
};

for (const [slug, letters] of Object.entries(packages)) {
  const dir = new URL(`../services/${slug}/templates/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const [code, letter] of Object.entries(letters))
    for (const lang of ['ru', 'en'] as const) {
      writeFileSync(new URL(`${code}.${lang}.docx`, dir), buildLetterDocx(letterSpec(letter, lang)));
      console.log(`services/${slug}/templates/${code}.${lang}.docx`);
    }
}
