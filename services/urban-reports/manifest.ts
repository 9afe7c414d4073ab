import { defineService } from '@zemstvo/catalog';

const cat = (code: string, ru: string, en: string, themes: [string, string, string][], group: string) => ({
  code,
  title: { ru, en },
  themes: themes.map(([c, tr, te]) => ({ code: c, title: { ru: tr, en: te } })),
  open311: { group, keywords: [] },
});

/**
 * «Сообщения о проблемах городской среды»: FixMyStreet-style reports — a point on the map, photos,
 * a category; public on the map with their status, personal data hidden. Categories follow the
 * classifier of St. Petersburg's city portal (the most frequent of its 15 categories).
 */
export default defineService({
  format: 1,
  slug: 'urban-reports',
  version: '1.0.0',
  title: { ru: 'Сообщения о проблемах городской среды', en: 'Reports of problems in the city' },
  description: {
    ru: 'Точка на карте, фото и категория: ямы, мусор, освещение, снег, надписи. Статусы видны всем на карте.',
    en: 'A point on the map, photos and a category: potholes, litter, lighting, snow, graffiti. Statuses are public on the map.',
  },
  requires: { platform: '>=0.1.0', modules: ['documents', 'appeals'] },
  startEvents: ['appeal', 'signal'],
  journal: {
    code: 'gs',
    name: { ru: 'Сообщения о проблемах', en: 'Problem reports' },
    numberFormat: 'ГС-{yyyy}/{seq:6}',
  },
  outgoingJournal: {
    code: 'gs_out',
    name: { ru: 'Ответы на сообщения', en: 'Answers to reports' },
    numberFormat: 'ИСХ-ГС-{yyyy}/{seq:6}',
  },
  categories: [
    cat(
      'landscaping',
      'Благоустройство',
      'Landscaping and cleanliness',
      [
        ['graffiti', 'Несанкционированные надписи и объявления', 'Graffiti and fly-posting'],
        ['yard_litter', 'Мусор на внутридворовой территории', 'Litter in a courtyard'],
        ['snow_roads', 'Неубранный снег на дорогах и тротуарах', 'Snow not cleared on roads and pavements'],
        ['playground', 'Неисправное оборудование детской площадки', 'Broken playground equipment'],
      ],
      'Благоустройство',
    ),
    cat(
      'building',
      'Содержание МКД',
      'Apartment building maintenance',
      [
        ['entrance', 'Неудовлетворительное состояние парадной', 'Poor state of the entrance hall'],
        ['cleaning', 'Несоблюдение графика уборки подъезда', 'Entrance not cleaned on schedule'],
        [
          'lighting',
          'Неисправное освещение в подъезде или на фасаде',
          'Broken lighting in the entrance or on the facade',
        ],
        ['containers', 'Состояние контейнерной площадки', 'State of the waste container site'],
      ],
      'Жильё',
    ),
    cat(
      'roads',
      'Дороги и уличная инфраструктура',
      'Roads and street infrastructure',
      [
        ['pothole', 'Яма на дороге', 'Pothole'],
        ['manhole', 'Открытый или повреждённый люк', 'Open or damaged manhole'],
        ['streetlight', 'Не горит уличный фонарь', 'Street light out'],
      ],
      'Дороги',
    ),
    cat(
      'facade',
      'Фасад и кровля',
      'Facade and roof',
      [
        ['paint', 'Неудовлетворительное состояние окраски фасада', 'Poor facade paint'],
        ['icicles', 'Наледь и сосульки на крыше', 'Ice and icicles on the roof'],
        ['drainpipe', 'Повреждение водосточной трубы', 'Damaged drainpipe'],
      ],
      'Жильё',
    ),
    cat(
      'advertising',
      'Незаконная реклама и торговля',
      'Illegal advertising and trade',
      [
        ['illegal_sign', 'Незаконная рекламная конструкция', 'Illegal advertising structure'],
        ['street_trade', 'Торговля в неустановленном месте', 'Street trading in a forbidden place'],
      ],
      'Порядок',
    ),
  ],
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
      {
        key: 'text',
        type: 'textarea',
        label: { ru: 'Что случилось', en: 'What is wrong' },
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
    { when: { category: 'building' }, department: 'ZHKH', executorRole: 'executor' },
    { when: { category: 'facade' }, department: 'ZHKH', executorRole: 'executor' },
    { when: { category: 'roads' }, department: 'DOR', executorRole: 'executor' },
    { when: {}, department: 'BLAG', executorRole: 'executor' },
  ],
  deadlines: {
    registration: {
      code: 'urban.registration',
      version: 1,
      days: 1,
      unit: 'working',
      rollover: 'none',
      source: 'Правило пакета: регистрация в течение рабочего дня (настраивается муниципалитетом)',
      title: { ru: 'Регистрация сообщения', en: 'Registration of the report' },
    },
    answer: {
      code: 'urban.answer',
      version: 1,
      days: 10,
      unit: 'working',
      rollover: 'none',
      source: 'Правило пакета: ответ в течение 10 рабочих дней (настраивается муниципалитетом)',
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
      title: { ru: 'Ответ на сообщение о проблеме', en: 'Answer to the report' },
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
