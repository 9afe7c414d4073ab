import { defineService } from '@zemstvo/catalog';
import { cityPortalClassifier } from './classifier.generated.ts';

/** Which department (demo codes: ZHKH, DOR, BLAG) a category goes to; the rest go to BLAG. */
const DEPARTMENT_OF: Readonly<Record<string, string>> = {
  soderzhanie_mkd: 'ZHKH',
  krovlya: 'ZHKH',
  fasad: 'ZHKH',
  podvaly: 'ZHKH',
  vodosnabzhenie: 'ZHKH',
  vodootvedenie: 'ZHKH',
  tsentralnoe_otoplenie: 'ZHKH',
  sanitarnoe_sostoyanie: 'ZHKH',
  narushenie_pravil_polzovaniya_obshchim_imushchestvom: 'ZHKH',
  narushenie_poryadka_polzovaniya_obshchim_imushchestvom: 'ZHKH',
  povrezhdeniya_neispravnost_elementov_ulichnoy_infrastruktury: 'DOR',
};

/**
 * «Городской портал: сообщения о проблемах» with the classifier of St. Petersburg's city portal
 * («Наш Санкт-Петербург»): its 15 categories and their themes (`classifier.generated.ts`, derived
 * from the data set by `scripts/make-city-portal-classifier.ts`). It is the package that
 * `zemstvo import appeals --format spb` files the portal's appeals under. Portal messages are not
 * 59-FZ appeals (the portal has its own rules), so `law59` is false.
 */
export default defineService({
  format: 1,
  slug: 'city-portal',
  version: '1.0.0',
  title: { ru: 'Городской портал: сообщения о проблемах', en: 'City portal: problem reports' },
  description: {
    ru: 'Сообщения о проблемах городской среды по классификатору портала «Наш Санкт-Петербург»: 15 категорий и их темы, точка на карте, район.',
    en: 'Reports of problems in the city, classified as on St. Petersburg’s city portal: 15 categories with their themes, a point on the map, the district.',
  },
  requires: { platform: '>=0.1.0', modules: ['documents', 'appeals'] },
  startEvents: ['appeal'],
  journal: {
    code: 'cp',
    name: { ru: 'Сообщения городского портала', en: 'City portal reports' },
    numberFormat: 'ГП-{yyyy}/{seq:6}',
  },
  outgoingJournal: {
    code: 'cp_out',
    name: { ru: 'Ответы на сообщения городского портала', en: 'Answers to city portal reports' },
    numberFormat: 'ИСХ-ГП-{yyyy}/{seq:6}',
  },
  categories: cityPortalClassifier.map((c) => ({
    code: c.code,
    title: { ru: c.ru, en: c.en },
    themes: c.themes.map((t) => ({ code: t.code, title: { ru: t.ru, en: t.en } })),
    open311: { group: c.ru, keywords: [] },
  })),
  intakeForm: {
    fields: [
      {
        key: 'location',
        type: 'location',
        label: { ru: 'Место на карте', en: 'Place on the map' },
        required: true,
      },
      {
        key: 'address',
        type: 'address',
        label: { ru: 'Адрес или ориентир', en: 'Address or landmark' },
        maxLength: 500,
      },
      { key: 'district', type: 'text', label: { ru: 'Район', en: 'District' }, maxLength: 100 },
      {
        key: 'text',
        type: 'textarea',
        label: { ru: 'Описание проблемы', en: 'What is wrong' },
        required: true,
        maxLength: 5000,
      },
      { key: 'photos', type: 'files', label: { ru: 'Фотографии', en: 'Photos' } },
      {
        key: 'name',
        type: 'text',
        label: { ru: 'Ваше имя', en: 'Your name' },
        maxLength: 200,
        personal: true,
      },
      {
        key: 'email',
        type: 'email',
        label: { ru: 'Электронная почта для ответа', en: 'E-mail for the answer' },
        maxLength: 320,
        personal: true,
      },
    ],
  },
  routing: [
    ...Object.entries(DEPARTMENT_OF).map(([category, department]) => ({
      when: { category },
      department,
      executorRole: 'executor',
    })),
    { when: {}, department: 'BLAG', executorRole: 'executor' },
  ],
  deadlines: {
    registration: {
      code: 'city_portal.registration',
      version: 1,
      days: 1,
      unit: 'working',
      rollover: 'none',
      source:
        'Правило пакета: модерация и регистрация в течение рабочего дня (настраивается муниципалитетом)',
      title: { ru: 'Модерация сообщения', en: 'Moderation of the report' },
    },
    answer: {
      code: 'city_portal.answer',
      version: 1,
      days: 8,
      unit: 'working',
      rollover: 'none',
      source:
        'Правило пакета: ответ в течение 8 рабочих дней после модерации (настраивается муниципалитетом)',
      title: { ru: 'Ответ на сообщение', en: 'Answer to the report' },
    },
    extension: { maxDays: 30, maxTimes: 1 },
    remindWorkingDaysBefore: 2,
  },
  law59: false,
  templates: [
    {
      code: 'answer',
      purpose: 'answer',
      title: { ru: 'Ответ на сообщение', en: 'Answer to the report' },
      file: { ru: 'templates/answer.ru.docx', en: 'templates/answer.en.docx' },
    },
    {
      code: 'notice_extension',
      purpose: 'notice_extension',
      title: { ru: 'Уведомление о продлении срока рассмотрения', en: 'Notice of extension' },
      file: { ru: 'templates/notice_extension.ru.docx', en: 'templates/notice_extension.en.docx' },
    },
    {
      code: 'notice_redirect',
      purpose: 'notice_redirect',
      title: { ru: 'Уведомление о переадресации сообщения', en: 'Notice of forwarding' },
      file: { ru: 'templates/notice_redirect.ru.docx', en: 'templates/notice_redirect.en.docx' },
    },
    {
      code: 'notice_no_answer',
      purpose: 'notice_no_answer',
      title: {
        ru: 'Уведомление об оставлении без ответа по существу',
        en: 'Notice that no answer on the merits will be given',
      },
      file: { ru: 'templates/notice_no_answer.ru.docx', en: 'templates/notice_no_answer.en.docx' },
    },
    {
      code: 'notice_unreadable',
      purpose: 'notice_unreadable',
      title: {
        ru: 'Уведомление о невозможности установить суть сообщения',
        en: 'Notice that the report cannot be understood',
      },
      file: { ru: 'templates/notice_unreadable.ru.docx', en: 'templates/notice_unreadable.en.docx' },
    },
  ],
  publicVisibility: { publicByDefault: true, duplicateRadiusMeters: 250 },
  settings: [],
  competences: [],
});
