import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, storedLocale, type Locale } from './locale.ts';
import { messages } from './resources.ts';

export const resources = { ru: { translation: messages.ru }, en: { translation: messages.en } } as const;

/** Starts i18next with the language stored in this browser (Russian otherwise); `<html lang>` follows. */
export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLocale() ?? DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export const currentLocale = (): Locale => (i18next.language === 'en' ? 'en' : 'ru');
