/**
 * Texts of the notices 59-FZ requires, sent to the applicant's e-mail (and shown in the cabinet)
 * at once; the formal letter is drafted from the package's template by the document workflow.
 * Russian first, English below it: the applicant's language is not known for every channel.
 */
export type NoticeKind = 'extension' | 'redirect' | 'special_handling';

export interface NoticeFacts {
  regNumber: string | null;
  municipalityName: string;
  /** extension: the new due date; redirect: the body it went to; special handling: the ground. */
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
  };
  const en: Record<NoticeKind, string> = {
    extension: `The consideration of your appeal ${number} has been extended until ${f.detail} (${f.source}).`,
    redirect: `Your appeal ${number} has been sent to the competent body: ${f.detail} (${f.source}).`,
    special_handling: `A decision was taken on your appeal ${number}: ${f.detail} (${f.source}).`,
  };
  const [subject, text] = ru[kind];
  return {
    subject: `${f.municipalityName}: ${subject}`,
    text: [text, '', 'Подробности — в личном кабинете.', '', '—', en[kind], 'Details are in your account.'].join('\n'),
  };
}
