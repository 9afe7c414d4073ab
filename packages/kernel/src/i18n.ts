export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text that exists in both languages (non-negotiable: Russian first, English too). */
export interface LocalizedText {
  ru: string;
  en: string;
}

export const pick = (t: LocalizedText, locale: Locale): string => t[locale] || t.ru;
export const isLocale = (s: unknown): s is Locale => s === 'ru' || s === 'en';
