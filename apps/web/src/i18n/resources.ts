/**
 * The interface texts: the shell's (`ru.json`/`en.json`) and one file per area of the spine
 * (`appeals.*.json` for residents, `cases.*.json` for staff), merged by their top-level keys.
 */
import analyticsEn from './analytics.en.json';
import analyticsRu from './analytics.ru.json';
import appealsEn from './appeals.en.json';
import appealsRu from './appeals.ru.json';
import auditEn from './audit.en.json';
import auditRu from './audit.ru.json';
import casesEn from './cases.en.json';
import casesRu from './cases.ru.json';
import en from './en.json';
import forecastEn from './forecast.en.json';
import forecastRu from './forecast.ru.json';
import operatorEn from './operator.en.json';
import operatorRu from './operator.ru.json';
import ru from './ru.json';
import routingEn from './routing.en.json';
import routingRu from './routing.ru.json';
import searchEn from './search.en.json';
import searchRu from './search.ru.json';

/** Each language's files, in merge order (a top-level key must live in one file only). */
export const messageFiles = {
  ru: {
    'ru.json': ru,
    'appeals.ru.json': appealsRu,
    'cases.ru.json': casesRu,
    'search.ru.json': searchRu,
    'routing.ru.json': routingRu,
    'forecast.ru.json': forecastRu,
    'analytics.ru.json': analyticsRu,
    'audit.ru.json': auditRu,
    'operator.ru.json': operatorRu,
  },
  en: {
    'en.json': en,
    'appeals.en.json': appealsEn,
    'cases.en.json': casesEn,
    'search.en.json': searchEn,
    'routing.en.json': routingEn,
    'forecast.en.json': forecastEn,
    'analytics.en.json': analyticsEn,
    'audit.en.json': auditEn,
    'operator.en.json': operatorEn,
  },
} as const;

export const messages = {
  ru: {
    ...ru,
    ...appealsRu,
    ...casesRu,
    ...searchRu,
    ...routingRu,
    ...forecastRu,
    ...analyticsRu,
    ...auditRu,
    ...operatorRu,
  },
  en: {
    ...en,
    ...appealsEn,
    ...casesEn,
    ...searchEn,
    ...routingEn,
    ...forecastEn,
    ...analyticsEn,
    ...auditEn,
    ...operatorEn,
  },
};
