import type { Localized } from '../api/types.ts';

/** The text in the interface language (Russian when the language is unknown). */
export const localized = (text: Localized, language: string): string =>
  language === 'en' ? text.en : text.ru;

/** For records that carry `nameRu`/`nameEn` columns. */
export const localizedName = (row: { nameRu: string; nameEn: string }, language: string): string =>
  language === 'en' ? row.nameEn : row.nameRu;

/** Sorts by a text in the interface language's alphabetical order (the database sorts in `C`). */
export function sortByText<T>(rows: readonly T[], text: (row: T) => string, language: string): T[] {
  const collator = new Intl.Collator(language === 'en' ? 'en' : 'ru');
  return [...rows].sort((a, b) => collator.compare(text(a), text(b)));
}
