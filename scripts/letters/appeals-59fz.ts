import { LAW_59_EN, LAW_59_RU, type LetterText } from './common.ts';

/**
 * Letters of «Обращения граждан (59-ФЗ)». The wording follows the law's text (Art. 8 p.3, Art. 10,
 * Art. 11, Art. 12 p.2 of Federal Law No. 59-FZ as in force in 2026); the citation is in each letter.
 */
export const appealsLetters: Record<string, LetterText> = {
  answer: {
    title: { ru: 'Ответ на обращение', en: 'Answer to the appeal' },
    body: {
      ru: [
        'Администрация рассмотрела Ваше обращение от {incoming_date} № {incoming_number} и сообщает следующее.',
        '{answer}',
        `Ответ дан в соответствии со статьёй 10 ${LAW_59_RU}. Вы вправе обжаловать принятое по обращению решение или действие (бездействие) в связи с рассмотрением обращения в административном и (или) судебном порядке в соответствии с законодательством Российской Федерации.`,
      ],
      en: [
        'The administration has considered your appeal No. {incoming_number} of {incoming_date} and informs you as follows.',
        '{answer}',
        `This answer is given under Article 10 of ${LAW_59_EN}. You may challenge the decision taken on the appeal, or the actions (inaction) in considering it, administratively and (or) in court under the law of the Russian Federation.`,
      ],
    },
  },
  notice_extension: {
    title: {
      ru: 'Уведомление о продлении срока рассмотрения обращения',
      en: 'Notice of extension of the time to consider the appeal',
    },
    heading: {
      ru: 'Уведомление о продлении срока рассмотрения обращения',
      en: 'Notice of extension of the time to consider your appeal',
    },
    body: {
      ru: [
        `В соответствии с частью 2 статьи 12 ${LAW_59_RU} сообщаем, что срок рассмотрения Вашего обращения от {incoming_date} № {incoming_number} продлён на {extension_days} дн. — до {new_due_date}.`,
        'Причина продления: {extension_reason}',
        'Ответ по существу поставленных в обращении вопросов будет направлен Вам не позднее указанного срока.',
      ],
      en: [
        `Under Part 2 of Article 12 of ${LAW_59_EN}, the time to consider your appeal No. {incoming_number} of {incoming_date} has been extended by {extension_days} days, until {new_due_date}.`,
        'Reason for the extension: {extension_reason}',
        'You will receive an answer on the merits of the questions raised no later than that date.',
      ],
    },
  },
  notice_redirect: {
    title: { ru: 'Уведомление о переадресации обращения', en: 'Notice of forwarding of the appeal' },
    heading: { ru: 'Уведомление о переадресации обращения', en: 'Notice of forwarding of your appeal' },
    body: {
      ru: [
        'Ваше обращение от {incoming_date} № {incoming_number} содержит вопросы, решение которых не входит в компетенцию администрации.',
        `В соответствии с частью 3 статьи 8 ${LAW_59_RU} обращение {redirect_date} направлено для рассмотрения в {redirect_to}, в компетенцию которого входит решение поставленных Вами вопросов.`,
        'Ответ по существу поставленных вопросов Вам даст орган, в который направлено обращение.',
      ],
      en: [
        'Your appeal No. {incoming_number} of {incoming_date} raises questions that are outside the competence of the administration.',
        `Under Part 3 of Article 8 of ${LAW_59_EN}, on {redirect_date} the appeal was forwarded for consideration to {redirect_to}, which is competent to decide the questions you raised.`,
        'That body will answer you on the merits.',
      ],
    },
  },
  notice_no_answer: {
    title: {
      ru: 'Уведомление об оставлении обращения без ответа по существу',
      en: 'Notice that no answer on the merits will be given',
    },
    heading: {
      ru: 'Уведомление об оставлении обращения без ответа по существу',
      en: 'Notice that no answer on the merits will be given',
    },
    body: {
      ru: [
        `Рассмотрев Ваше обращение от {incoming_date} № {incoming_number}, сообщаем, что в соответствии с {law_reference} ${LAW_59_RU} ответ по существу поставленных в нём вопросов не даётся.`,
        'Основание: {no_answer_reason}',
      ],
      en: [
        `Having considered your appeal No. {incoming_number} of {incoming_date}, we inform you that under {law_reference} of ${LAW_59_EN} no answer on the merits of the questions raised will be given.`,
        'Ground: {no_answer_reason}',
      ],
    },
  },
  notice_unreadable: {
    title: {
      ru: 'Уведомление о невозможности прочтения обращения',
      en: 'Notice that the appeal cannot be read',
    },
    heading: {
      ru: 'Уведомление о невозможности прочтения обращения',
      en: 'Notice that your appeal cannot be read',
    },
    body: {
      ru: [
        'Сообщаем, что текст Вашего обращения от {incoming_date} № {incoming_number} не поддаётся прочтению.',
        `В соответствии с частью 4 статьи 11 ${LAW_59_RU} ответ на такое обращение не даётся и оно не подлежит направлению на рассмотрение в государственный орган, орган местного самоуправления или должностному лицу в соответствии с их компетенцией.`,
        'Вы вправе вновь обратиться в администрацию, изложив суть предложения, заявления или жалобы в форме, позволяющей его прочитать.',
      ],
      en: [
        'We inform you that the text of your appeal No. {incoming_number} of {incoming_date} cannot be read.',
        `Under Part 4 of Article 11 of ${LAW_59_EN}, no answer is given to such an appeal and it is not forwarded to a state body, local government body or official according to their competence.`,
        'You may write to the administration again, setting out your proposal, application or complaint in a form that can be read.',
      ],
    },
  },
};
