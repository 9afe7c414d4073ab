import type { LocalizedText } from '@zemstvo/kernel';

/** Kinds of staff notifications of document flow. */
export type NotificationKind =
  | 'assigned'
  | 'reminder'
  | 'escalation'
  | 'approval_requested'
  | 'approval_returned'
  | 'approved'
  | 'reopened';

/** What a notification is about: the document's number (or title) and the dates that matter. */
export interface NotificationSubject {
  document: string;
  due?: string;
  comment?: string;
  executor?: string;
}

/** dd.mm.yyyy, as Russian office work writes dates. */
export const ruDate = (iso: string): string => iso.split('-').reverse().join('.');

/** The text of a notification in both languages (the e-mail uses the recipient's language). */
export function notificationText(kind: NotificationKind, s: NotificationSubject): LocalizedText {
  const due = s.due ?? '';
  switch (kind) {
    case 'assigned':
      return {
        ru: `Вам поручено исполнение документа ${s.document}, срок — ${ruDate(due)}.`,
        en: `You are assigned to execute document ${s.document}, due ${due}.`,
      };
    case 'reminder':
      return {
        ru: `Напоминание: срок исполнения документа ${s.document} — ${ruDate(due)}.`,
        en: `Reminder: document ${s.document} is due ${due}.`,
      };
    case 'escalation':
      return {
        ru: `Просрочено исполнение документа ${s.document} (срок ${ruDate(due)}, исполнитель ${s.executor ?? '—'}).`,
        en: `Execution of document ${s.document} is overdue (due ${due}, executor ${s.executor ?? '—'}).`,
      };
    case 'approval_requested':
      return {
        ru: `Проект документа ${s.document} направлен вам на согласование.`,
        en: `The draft ${s.document} awaits your approval.`,
      };
    case 'approval_returned':
      return {
        ru: `Проект документа ${s.document} возвращён на доработку: ${s.comment ?? ''}`,
        en: `The draft ${s.document} was returned for rework: ${s.comment ?? ''}`,
      };
    case 'approved':
      return {
        ru: `Проект документа ${s.document} согласован и готов к подписанию.`,
        en: `The draft ${s.document} is approved and ready to sign.`,
      };
    case 'reopened':
      return {
        ru: `Документ ${s.document} снова на рассмотрении: ${s.comment ?? ''}`,
        en: `Document ${s.document} is open again: ${s.comment ?? ''}`,
      };
  }
}

/** The subject line of the e-mail copy of a notification. */
export function notificationSubject(kind: NotificationKind, document: string): LocalizedText {
  const titles: Record<NotificationKind, LocalizedText> = {
    assigned: { ru: 'Новое поручение', en: 'New assignment' },
    reminder: { ru: 'Напоминание о сроке', en: 'Deadline reminder' },
    escalation: { ru: 'Просрочено исполнение', en: 'Overdue execution' },
    approval_requested: { ru: 'На согласование', en: 'For approval' },
    approval_returned: { ru: 'Возвращено на доработку', en: 'Returned for rework' },
    approved: { ru: 'Согласовано', en: 'Approved' },
    reopened: { ru: 'Снова на рассмотрении', en: 'Reopened' },
  };
  const t = titles[kind];
  return { ru: `Земство: ${t.ru} — ${document}`, en: `Zemstvo: ${t.en} — ${document}` };
}
