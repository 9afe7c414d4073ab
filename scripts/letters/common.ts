import type { LetterParagraph, LetterSpec } from '@zemstvo/templates';

/** The letter's frame around its body: letterhead, registration data, addressee, signature, executor. */
export type Lang = 'ru' | 'en';

export interface LetterText {
  title: { ru: string; en: string };
  /** A heading above the salutation (notices), or none (answers). */
  heading?: { ru: string; en: string };
  /** Body paragraphs; a line `{answer}` stands for the paragraph loop of the answer text. */
  body: { ru: readonly string[]; en: readonly string[] };
}

const body = (text: string): LetterParagraph => ({ text, align: 'both', firstLine: true, after: 6 });

const HEAD: Record<Lang, LetterParagraph[]> = {
  ru: [
    { text: 'АДМИНИСТРАЦИЯ', align: 'center', bold: true },
    { text: '{municipality_name}', align: 'center', bold: true },
    { text: '{municipality_address}', align: 'center', size: 10 },
    { text: '{municipality_contacts}', align: 'center', size: 10, borderBottom: true, after: 12 },
    { text: '{outgoing_date} № {outgoing_number}', size: 12 },
    { text: 'На № {incoming_number} от {incoming_date}', size: 12, after: 12 },
    { text: '{applicant_name}', indentLeftCm: 8.5 },
    { text: '{applicant_address}', indentLeftCm: 8.5, after: 18 },
  ],
  en: [
    { text: 'ADMINISTRATION', align: 'center', bold: true },
    { text: '{municipality_name}', align: 'center', bold: true },
    { text: '{municipality_address}', align: 'center', size: 10 },
    { text: '{municipality_contacts}', align: 'center', size: 10, borderBottom: true, after: 12 },
    { text: 'No. {outgoing_number} of {outgoing_date}', size: 12 },
    { text: 'Re: No. {incoming_number} of {incoming_date}', size: 12, after: 12 },
    { text: '{applicant_name}', indentLeftCm: 8.5 },
    { text: '{applicant_address}', indentLeftCm: 8.5, after: 18 },
  ],
};

const SALUTATION: Record<Lang, LetterParagraph> = {
  ru: { text: 'Уважаемый(ая) {applicant_name}!', align: 'center', after: 12 },
  en: { text: 'Dear {applicant_name},', after: 12 },
};

const TAIL: Record<Lang, LetterParagraph[]> = {
  ru: [
    { text: '{signatory_position}\t{signatory_name}', before: 30, keepWithNext: true },
    { text: 'Исп.: {executor_name}', size: 10, before: 36 },
    { text: 'Тел.: {executor_phone}', size: 10 },
  ],
  en: [
    { text: '{signatory_position}\t{signatory_name}', before: 30, keepWithNext: true },
    { text: 'Prepared by: {executor_name}', size: 10, before: 36 },
    { text: 'Phone: {executor_phone}', size: 10 },
  ],
};

export function letterSpec(letter: LetterText, lang: Lang): LetterSpec {
  const paragraphs: LetterParagraph[] = [...HEAD[lang]];
  const heading = letter.heading?.[lang];
  if (heading) paragraphs.push({ text: heading, align: 'center', bold: true, after: 12 });
  paragraphs.push(SALUTATION[lang]);
  for (const line of letter.body[lang]) {
    if (line === '{answer}')
      paragraphs.push({ text: '{#answer_paragraphs}' }, body('{.}'), { text: '{/answer_paragraphs}' });
    else paragraphs.push(body(line));
  }
  paragraphs.push(...TAIL[lang]);
  return { lang: lang === 'ru' ? 'ru-RU' : 'en-GB', title: letter.title[lang], paragraphs };
}

export const LAW_59_RU =
  'Федерального закона от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»';
export const LAW_59_EN =
  'Federal Law No. 59-FZ of 2 May 2006 “On the Procedure for Considering Appeals of Citizens of the Russian Federation”';
