import type { LetterText } from './common.ts';

/** Letters of «Сообщения о проблемах городской среды»: short, about a place and a problem. */
export const urbanLetters: Record<string, LetterText> = {
  answer: {
    title: { ru: 'Ответ на сообщение о проблеме', en: 'Answer to the problem report' },
    body: {
      ru: [
        'Ваше сообщение от {incoming_date} № {incoming_number} («{report_category}», адрес или ориентир: {report_address}) рассмотрено.',
        '{answer}',
        'Статус сообщения обновлён на карте сообщений. Благодарим Вас за неравнодушие к состоянию городской среды.',
      ],
      en: [
        'Your report No. {incoming_number} of {incoming_date} (“{report_category}”, address or landmark: {report_address}) has been considered.',
        '{answer}',
        'The status of the report has been updated on the public map. Thank you for caring about your city.',
      ],
    },
  },
  notice_extension: {
    title: {
      ru: 'Уведомление о продлении срока рассмотрения сообщения',
      en: 'Notice of extension of the time to consider the report',
    },
    heading: {
      ru: 'Уведомление о продлении срока рассмотрения сообщения',
      en: 'Notice of extension of the time to consider your report',
    },
    body: {
      ru: [
        'Сообщаем, что срок рассмотрения Вашего сообщения от {incoming_date} № {incoming_number} («{report_category}», {report_address}) продлён на {extension_days} дн. — до {new_due_date}.',
        'Причина продления: {extension_reason}',
      ],
      en: [
        'The time to consider your report No. {incoming_number} of {incoming_date} (“{report_category}”, {report_address}) has been extended by {extension_days} days, until {new_due_date}.',
        'Reason for the extension: {extension_reason}',
      ],
    },
  },
  notice_redirect: {
    title: { ru: 'Уведомление о переадресации сообщения', en: 'Notice of forwarding of the report' },
    heading: { ru: 'Уведомление о переадресации сообщения', en: 'Notice of forwarding of your report' },
    body: {
      ru: [
        'Решение проблемы, о которой Вы сообщили {incoming_date} (№ {incoming_number}, {report_address}), не входит в компетенцию администрации.',
        'Сообщение {redirect_date} направлено в {redirect_to}, в компетенцию которого входит решение этого вопроса. Ответ по существу Вам даст этот орган или организация.',
      ],
      en: [
        'The problem you reported on {incoming_date} (No. {incoming_number}, {report_address}) is outside the competence of the administration.',
        'On {redirect_date} the report was forwarded to {redirect_to}, which is competent to deal with it and will answer you on the merits.',
      ],
    },
  },
  notice_no_answer: {
    title: {
      ru: 'Уведомление об оставлении сообщения без ответа по существу',
      en: 'Notice that no answer on the merits will be given',
    },
    heading: {
      ru: 'Уведомление об оставлении сообщения без ответа по существу',
      en: 'Notice that no answer on the merits will be given',
    },
    body: {
      ru: [
        'Сообщаем, что ответ по существу Вашего сообщения от {incoming_date} № {incoming_number} не даётся.',
        'Основание: {no_answer_reason}',
      ],
      en: [
        'We inform you that no answer on the merits of your report No. {incoming_number} of {incoming_date} will be given.',
        'Ground: {no_answer_reason}',
      ],
    },
  },
  notice_unreadable: {
    title: {
      ru: 'Уведомление о невозможности установить суть сообщения',
      en: 'Notice that the report cannot be understood',
    },
    heading: {
      ru: 'Уведомление о невозможности установить суть сообщения',
      en: 'Notice that your report cannot be understood',
    },
    body: {
      ru: [
        'Из текста Вашего сообщения от {incoming_date} № {incoming_number} и приложенных к нему фотографий не удаётся установить, о какой проблеме и в каком месте идёт речь.',
        'Пожалуйста, отправьте новое сообщение: отметьте место на карте, опишите проблему и приложите разборчивые фотографии.',
      ],
      en: [
        'From the text of your report No. {incoming_number} of {incoming_date} and its photos we cannot tell what the problem is or where it is.',
        'Please send a new report: mark the place on the map, describe the problem and attach clear photos.',
      ],
    },
  },
};
