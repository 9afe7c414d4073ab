/**
 * Texts of the notices 59-FZ requires, sent to the applicant's e-mail (and shown in the cabinet)
 * at once; the formal letter is drafted from the package's template by the document workflow.
 * Russian first, English below it: the applicant's language is not known for every channel.
 */
export type NoticeKind = 'extension' | 'redirect' | 'special_handling' | 'merged';

export interface NoticeFacts {
  regNumber: string | null;
  municipalityName: string;
  /** extension: the new due date; redirect: the body it went to; special handling: the ground; merged: the original's number. */
  detail: string;
  source: string;
}

export function noticeMail(kind: NoticeKind, f: NoticeFacts): { subject: string; text: string } {
  const number = f.regNumber ?? '—';
  const ru: Record<NoticeKind, [string, string]> = {
    extension: [
      `Продлён срок рассмотрения обращения ${number}`,
      `Срок рассмотрения вашего обращения ${number} продлён до ${f.detail} (${f.source}).`,
    ],
    redirect: [
      `Обращение ${number} переадресовано`,
      `Ваше обращение ${number} направлено по компетенции: ${f.detail} (${f.source}).`,
    ],
    special_handling: [
      `Решение по обращению ${number}`,
      `По вашему обращению ${number} принято решение: ${f.detail} (${f.source}).`,
    ],
    merged: [
      `Обращение ${number} объединено с ранее поданным`,
      `Об этой проблеме уже сообщали: ваше обращение ${number} объединено с обращением ${f.detail}. Вы стали его соавтором, ваши файлы приложены к нему, ответ придёт по нему.`,
    ],
  };
  const en: Record<NoticeKind, string> = {
    extension: `The consideration of your appeal ${number} has been extended until ${f.detail} (${f.source}).`,
    redirect: `Your appeal ${number} has been sent to the competent body: ${f.detail} (${f.source}).`,
    special_handling: `A decision was taken on your appeal ${number}: ${f.detail} (${f.source}).`,
    merged: `This problem was reported before: your appeal ${number} has been merged into appeal ${f.detail}. You are its co-applicant, your files are attached to it, and the answer will come with it.`,
  };
  const [subject, text] = ru[kind];
  return {
    subject: `${f.municipalityName}: ${subject}`,
    text: [
      text,
      '',
      'Подробности — в личном кабинете.',
      '',
      '—',
      en[kind],
      'Details are in your account.',
    ].join('\n'),
  };
}
