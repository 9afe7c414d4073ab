import type { Locale, LocalizedText } from '@zemstvo/kernel';
import { DEFAULT_TIME_ZONE, formatLetterDate } from './dates.ts';

/**
 * The placeholders templates may use, `{name}` in the DOCX. A line break in a value is a line
 * break in the document. Every text field `x_text` is also given as the list `x_paragraphs` (one
 * item per non-empty line) for a paragraph loop: a paragraph `{#answer_paragraphs}`, a paragraph
 * `{.}`, a paragraph `{/answer_paragraphs}` repeat the middle paragraph, with its formatting
 * (justified, first-line indent), once per paragraph of the answer. Fields named `*_date` take a
 * Date or `YYYY-MM-DD` and print as the letter's language writes dates.
 */
export const TEMPLATE_FIELDS = {
  municipality_name: { ru: 'Наименование муниципального образования', en: 'Name of the municipality' },
  municipality_address: { ru: 'Почтовый адрес администрации', en: 'Postal address of the administration' },
  municipality_contacts: {
    ru: 'Телефон, e-mail, сайт администрации',
    en: 'Phone, e-mail, website of the administration',
  },
  outgoing_number: {
    ru: 'Регистрационный номер исходящего документа',
    en: 'Registration number of the outgoing document',
  },
  outgoing_date: { ru: 'Дата исходящего документа', en: 'Date of the outgoing document' },
  incoming_number: { ru: 'Регистрационный номер обращения', en: 'Registration number of the appeal' },
  incoming_date: { ru: 'Дата регистрации обращения', en: 'Registration date of the appeal' },
  applicant_name: { ru: 'Фамилия, имя, отчество заявителя', en: 'Full name of the applicant' },
  applicant_address: {
    ru: 'Почтовый адрес или e-mail заявителя',
    en: 'Postal or e-mail address of the applicant',
  },
  appeal_summary: { ru: 'Краткое содержание обращения', en: 'Summary of the appeal' },
  answer_text: {
    ru: 'Текст ответа по существу (абзацы — с новой строки)',
    en: 'Answer on the merits (paragraphs on new lines)',
  },
  executor_name: { ru: 'Исполнитель', en: 'Executor' },
  executor_phone: { ru: 'Телефон исполнителя', en: 'Executor’s phone' },
  signatory_name: { ru: 'Подписант (инициалы и фамилия)', en: 'Signatory (name)' },
  signatory_position: { ru: 'Должность подписанта', en: 'Position of the signatory' },
  extension_days: { ru: 'На сколько дней продлён срок (не более 30)', en: 'Days of extension (at most 30)' },
  new_due_date: { ru: 'Новый срок ответа', en: 'New answer due date' },
  extension_reason: { ru: 'Причина продления', en: 'Reason for the extension' },
  redirect_to: { ru: 'Орган, куда переадресовано обращение', en: 'Body the appeal was forwarded to' },
  redirect_date: { ru: 'Дата переадресации', en: 'Date of forwarding' },
  no_answer_reason: {
    ru: 'Основание оставить без ответа по существу',
    en: 'Ground for giving no answer on the merits',
  },
  law_reference: { ru: 'Норма закона (статья, часть)', en: 'Provision of law (article, part)' },
  report_address: { ru: 'Адрес или ориентир проблемы', en: 'Address or landmark of the problem' },
  report_category: { ru: 'Категория сообщения', en: 'Category of the report' },
} as const satisfies Record<string, LocalizedText>;

export type TemplateFieldName = keyof typeof TEMPLATE_FIELDS;

/** Values for a template: text, numbers, dates (printed the letter's way), lists for loops. */
export type FieldValue = string | number | Date | null | undefined | readonly string[];
export type TemplateFields = Partial<Record<TemplateFieldName, FieldValue>> & Record<string, FieldValue>;

// XML 1.0 cannot carry these; a field must never break the document.
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const DATE_FIELD = /(^|_)date$/;

/** Turns caller values into what the DOCX engine fills: clean strings, dates formatted, paragraph lists. */
export function prepareFields(
  fields: TemplateFields,
  locale: Locale,
  timeZone = DEFAULT_TIME_ZONE,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      out[key] = value.map((v) => clean(String(v)));
      continue;
    }
    const text =
      value instanceof Date || (typeof value === 'string' && DATE_FIELD.test(key))
        ? formatLetterDate(value as Date | string, locale, timeZone)
        : clean(String(value));
    out[key] = text;
    const list = key.endsWith('_text') ? `${key.slice(0, -'_text'.length)}_paragraphs` : null;
    if (list && !(list in fields)) out[list] = paragraphsOf(text);
  }
  return out;
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(NOT_IN_XML, '');

/** Paragraphs of a text: split at line breaks, blank lines dropped, spaces trimmed. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
