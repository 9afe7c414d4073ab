import { defineService } from '@zemstvo/catalog';
import { fz59, FZ59_MAX_EXTENSION_DAYS } from '@zemstvo/calendar';

/**
 * «Обращения граждан (59-ФЗ)»: written appeals of citizens under Federal Law No. 59-FZ, classified by
 * the sections of the standard all-Russian thematic classifier of appeals.
 */
export default defineService({
  format: 1,
  slug: 'appeals-59fz',
  version: '1.0.0',
  title: { ru: 'Обращения граждан (59-ФЗ)', en: 'Citizens’ appeals (59-FZ)' },
  description: {
    ru: 'Приём, регистрация, рассмотрение и ответ на письменные обращения граждан в сроки 59-ФЗ.',
    en: 'Intake, registration, consideration and answer of written appeals within the 59-FZ deadlines.',
  },
  requires: { platform: '>=0.1.0', modules: ['documents', 'appeals'] },
  startEvents: ['appeal'],
  journal: {
    code: 'og',
    name: { ru: 'Обращения граждан', en: 'Citizens’ appeals' },
    numberFormat: 'ОГ-{yyyy}/{seq:6}',
  },
  outgoingJournal: {
    code: 'og_out',
    name: { ru: 'Ответы на обращения', en: 'Answers to appeals' },
    numberFormat: 'ИСХ-ОГ-{yyyy}/{seq:6}',
  },
  categories: [
    {
      code: 'state_society',
      title: { ru: 'Государство, общество, политика', en: 'State, society, politics' },
      themes: [
        {
          code: 'local_government',
          title: { ru: 'Работа органов местного самоуправления', en: 'Work of local government' },
        },
        {
          code: 'officials',
          title: { ru: 'Действия (бездействие) должностных лиц', en: 'Actions (inaction) of officials' },
        },
        { code: 'gratitude', title: { ru: 'Благодарности', en: 'Gratitude' } },
      ],
    },
    {
      code: 'social',
      title: { ru: 'Социальная сфера', en: 'Social sphere' },
      themes: [
        { code: 'education', title: { ru: 'Образование', en: 'Education' } },
        { code: 'health', title: { ru: 'Здравоохранение', en: 'Health care' } },
        { code: 'social_support', title: { ru: 'Социальная поддержка', en: 'Social support' } },
        { code: 'culture_sport', title: { ru: 'Культура и спорт', en: 'Culture and sport' } },
      ],
    },
    {
      code: 'economy',
      title: { ru: 'Экономика', en: 'Economy' },
      themes: [
        { code: 'transport', title: { ru: 'Транспорт', en: 'Transport' } },
        { code: 'roads', title: { ru: 'Дорожное хозяйство', en: 'Roads' } },
        { code: 'land', title: { ru: 'Земельные отношения', en: 'Land' } },
        { code: 'trade', title: { ru: 'Торговля и услуги', en: 'Trade and services' } },
        { code: 'landscaping', title: { ru: 'Благоустройство', en: 'Landscaping' } },
      ],
    },
    {
      code: 'security_law',
      title: { ru: 'Оборона, безопасность, законность', en: 'Defence, security, law' },
      themes: [
        { code: 'public_order', title: { ru: 'Общественный порядок', en: 'Public order' } },
        { code: 'emergencies', title: { ru: 'Чрезвычайные ситуации', en: 'Emergencies' } },
      ],
    },
    {
      code: 'housing',
      title: { ru: 'Жилищно-коммунальная сфера', en: 'Housing and utilities' },
      themes: [
        { code: 'utilities', title: { ru: 'Коммунальные услуги', en: 'Utilities' } },
        {
          code: 'building_maintenance',
          title: { ru: 'Содержание многоквартирных домов', en: 'Maintenance of apartment buildings' },
        },
        { code: 'housing_provision', title: { ru: 'Обеспечение жильём', en: 'Housing provision' } },
        { code: 'waste', title: { ru: 'Обращение с отходами', en: 'Waste' } },
      ],
    },
  ],
  intakeForm: {
    fields: [
      {
        key: 'last_name',
        type: 'text',
        label: { ru: 'Фамилия', en: 'Last name' },
        required: true,
        maxLength: 100,
        personal: true,
      },
      {
        key: 'first_name',
        type: 'text',
        label: { ru: 'Имя', en: 'First name' },
        required: true,
        maxLength: 100,
        personal: true,
      },
      {
        key: 'patronymic',
        type: 'text',
        label: { ru: 'Отчество (при наличии)', en: 'Patronymic (if any)' },
        maxLength: 100,
        personal: true,
      },
      {
        key: 'email',
        type: 'email',
        label: { ru: 'Адрес электронной почты для ответа', en: 'E-mail for the answer' },
        maxLength: 320,
        personal: true,
      },
      {
        key: 'postal_address',
        type: 'address',
        label: { ru: 'Почтовый адрес для ответа', en: 'Postal address for the answer' },
        hint: { ru: 'Нужен, если ответ должен прийти письмом', en: 'Needed if the answer must come by post' },
        maxLength: 500,
        personal: true,
      },
      { key: 'phone', type: 'phone', label: { ru: 'Телефон', en: 'Phone' }, maxLength: 30, personal: true },
      {
        key: 'text',
        type: 'textarea',
        label: { ru: 'Суть обращения', en: 'What the appeal is about' },
        required: true,
        maxLength: 20_000,
      },
      { key: 'attachments', type: 'files', label: { ru: 'Приложения', en: 'Attachments' } },
    ],
  },
  routing: [
    { when: { category: 'housing' }, department: 'ZHKH', executorRole: 'executor' },
    { when: { category: 'economy', theme: 'roads' }, department: 'DOR', executorRole: 'executor' },
    { when: { category: 'economy', theme: 'transport' }, department: 'DOR', executorRole: 'executor' },
    { when: { category: 'economy', theme: 'landscaping' }, department: 'BLAG', executorRole: 'executor' },
    { when: { category: 'social' }, department: 'SOC', executorRole: 'executor' },
    { when: {}, department: 'OBSH', executorRole: 'executor' },
  ],
  deadlines: {
    registration: fz59.registration,
    answer: fz59.answer,
    redirect: fz59.redirect,
    unreadableNotice: fz59.unreadableNotice,
    extension: { maxDays: FZ59_MAX_EXTENSION_DAYS, maxTimes: 1 },
    remindWorkingDaysBefore: 3,
  },
  law59: true,
  templates: [
    {
      code: 'answer',
      purpose: 'answer',
      title: {
        ru: 'Ответ по существу обращения (ст. 10 59-ФЗ)',
        en: 'Answer on the merits (Art. 10 of 59-FZ)',
      },
      file: { ru: 'templates/answer.ru.docx', en: 'templates/answer.en.docx' },
    },
    {
      code: 'notice_extension',
      purpose: 'notice_extension',
      title: {
        ru: 'Уведомление о продлении срока (ч. 2 ст. 12 59-ФЗ)',
        en: 'Notice of extension (Art. 12 p.2 of 59-FZ)',
      },
      file: { ru: 'templates/notice_extension.ru.docx', en: 'templates/notice_extension.en.docx' },
    },
    {
      code: 'notice_redirect',
      purpose: 'notice_redirect',
      title: {
        ru: 'Уведомление о переадресации (ч. 3 ст. 8 59-ФЗ)',
        en: 'Notice of forwarding (Art. 8 p.3 of 59-FZ)',
      },
      file: { ru: 'templates/notice_redirect.ru.docx', en: 'templates/notice_redirect.en.docx' },
    },
    {
      code: 'notice_no_answer',
      purpose: 'notice_no_answer',
      title: {
        ru: 'Уведомление об оставлении без ответа по существу (ст. 11 59-ФЗ)',
        en: 'Notice that no answer on the merits will be given (Art. 11 of 59-FZ)',
      },
      file: { ru: 'templates/notice_no_answer.ru.docx', en: 'templates/notice_no_answer.en.docx' },
    },
    {
      code: 'notice_unreadable',
      purpose: 'notice_unreadable',
      title: {
        ru: 'Уведомление о невозможности прочтения (ч. 4 ст. 11 59-ФЗ)',
        en: 'Notice that the appeal cannot be read (Art. 11 p.4 of 59-FZ)',
      },
      file: { ru: 'templates/notice_unreadable.ru.docx', en: 'templates/notice_unreadable.en.docx' },
    },
  ],
  publicVisibility: { publicByDefault: false, duplicateRadiusMeters: 250 },
  settings: [
    {
      key: 'allow_anonymous_web',
      label: { ru: 'Принимать обращения без регистрации', en: 'Accept appeals without an account' },
      type: 'boolean',
      default: true,
    },
  ],
  competences: [
    {
      code: 'fz59',
      title: { ru: 'Работа с обращениями граждан по 59-ФЗ', en: 'Handling appeals under 59-FZ' },
    },
  ],
});
