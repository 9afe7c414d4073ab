import type { DeadlineRule } from '@zemstvo/calendar';

/** The registration journals of the start events other than appeals, created on first use. */
export const START_EVENT_JOURNALS = {
  order: {
    code: 'orders',
    name: { ru: 'Поручения вышестоящих органов', en: 'Orders of superior bodies' },
    direction: 'incoming',
    numberFormat: 'ПОР-{yyyy}/{seq:5}',
  },
  interagency_request: {
    code: 'interagency',
    name: { ru: 'Межведомственные запросы', en: 'Inter-agency requests' },
    direction: 'incoming',
    numberFormat: 'МВЗ-{yyyy}/{seq:5}',
  },
  signal: {
    code: 'signals',
    name: { ru: 'Сигналы систем мониторинга', en: 'Monitoring signals' },
    direction: 'incoming',
    numberFormat: 'СИГ-{yyyy}/{seq:6}',
  },
} as const;

/** The journal of outgoing documents that answer no applied-service package's case (orders, requests, signals). */
export const GENERAL_OUTGOING_JOURNAL = {
  code: 'outgoing',
  name: { ru: 'Исходящие документы', en: 'Outgoing documents' },
  direction: 'outgoing',
  numberFormat: 'ИСХ-{yyyy}/{seq:6}',
} as const;

/**
 * The answer to an inter-agency request, when the request names no date: Federal Law No. 210-FZ
 * «Об организации предоставления государственных и муниципальных услуг», Art. 7.2 p.3 — «Срок
 * подготовки и направления ответа на межведомственный запрос … не может превышать пять рабочих
 * дней со дня поступления межведомственного запроса», unless federal law sets another term.
 */
export const interagencyAnswerRule: DeadlineRule = {
  code: 'fz210.interagency_answer',
  version: 1,
  days: 5,
  unit: 'working',
  rollover: 'none',
  source: '210-ФЗ, ст. 7.2, ч. 3',
  title: { ru: 'Ответ на межведомственный запрос', en: 'Answer to an inter-agency request' },
};
