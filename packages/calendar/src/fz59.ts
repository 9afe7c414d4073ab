import type { DeadlineRule } from './deadlines.ts';

/**
 * Deadlines of Federal Law of 02.05.2006 No. 59-FZ "О порядке рассмотрения обращений граждан
 * Российской Федерации". Periods are in calendar days ("дней"); a deadline that lands on a day off
 * moves to the previous working day, as the office-work instructions of state bodies prescribe.
 */
export const fz59 = {
  /** Art. 8 p.2: a written appeal is registered within three days of its receipt. */
  registration: {
    code: 'fz59.registration',
    version: 1,
    days: 3,
    unit: 'calendar',
    rollover: 'previous',
    source: '59-ФЗ, ст. 8, ч. 2',
    title: { ru: 'Регистрация обращения', en: 'Registration of the appeal' },
  },
  /** Art. 8 p.3: an appeal outside the body's competence is redirected within seven days of registration, with notice. */
  redirect: {
    code: 'fz59.redirect',
    version: 1,
    days: 7,
    unit: 'calendar',
    rollover: 'previous',
    source: '59-ФЗ, ст. 8, ч. 3',
    title: { ru: 'Переадресация по компетенции', en: 'Redirection to the competent body' },
  },
  /** Art. 12 p.1: the appeal is considered within thirty days of registration. */
  answer: {
    code: 'fz59.answer',
    version: 1,
    days: 30,
    unit: 'calendar',
    rollover: 'previous',
    source: '59-ФЗ, ст. 12, ч. 1',
    title: { ru: 'Рассмотрение обращения', en: 'Consideration of the appeal' },
  },
  /** Art. 11 p.4 and p.4.1: unreadable text, or an essence that cannot be determined: notice within seven days of registration. */
  unreadableNotice: {
    code: 'fz59.unreadable_notice',
    version: 1,
    days: 7,
    unit: 'calendar',
    rollover: 'previous',
    source: '59-ФЗ, ст. 11, ч. 4 и 4.1',
    title: {
      ru: 'Уведомление о невозможности рассмотрения',
      en: 'Notice that the appeal cannot be considered',
    },
  },
} as const satisfies Record<string, DeadlineRule>;

/** Art. 12 p.2: the head may extend the consideration once, by no more than thirty days, notifying the citizen. */
export const FZ59_MAX_EXTENSION_DAYS = 30;
