import type { Locale } from '@zemstvo/kernel';

/**
 * GeoReport v2 knows two statuses, `open` and `closed`. Our public statuses are FixMyStreet-rich
 * (appeals' domain/statuses.ts); a case is `closed` once the appeals module has closed it (its
 * closing date: a map report closes with its outcome, a 59-FZ appeal only with the answer) or when
 * its status always ends the case (answered, redirected, duplicate, closed). The status itself is
 * told in `status_notes`.
 */
export type Open311Status = 'open' | 'closed';

const CLOSED_STATUSES: ReadonlySet<string> = new Set(['answered', 'redirected', 'duplicate', 'closed']);

export function open311Status(status: string, closedAt: Date | null): Open311Status {
  return closedAt !== null || CLOSED_STATUSES.has(status) ? 'closed' : 'open';
}

/** Which of our statuses a filter `status=open|closed` selects (the complement for `open`). */
export const closedStatuses = (): string[] => [...CLOSED_STATUSES];

const LABELS: Readonly<Record<string, { ru: string; en: string }>> = {
  received: { ru: 'Получено', en: 'Received' },
  registered: { ru: 'Зарегистрировано', en: 'Registered' },
  investigating: { ru: 'Изучается', en: 'Investigating' },
  in_progress: { ru: 'В работе', en: 'In progress' },
  planned: { ru: 'Запланировано', en: 'Planned' },
  fixed: { ru: 'Исправлено', en: 'Fixed' },
  answered: { ru: 'Дан ответ', en: 'Answered' },
  unable_to_fix: { ru: 'Исправить невозможно', en: 'Unable to fix' },
  not_responsible: { ru: 'Не в нашей компетенции', en: 'Not our responsibility' },
  redirected: { ru: 'Перенаправлено по компетенции', en: 'Redirected to the competent body' },
  duplicate: { ru: 'Дубликат', en: 'Duplicate' },
  closed: { ru: 'Закрыто', en: 'Closed' },
  reopened: { ru: 'Возобновлено', en: 'Reopened' },
};

/** The public status in words for `status_notes`; the redirect target is public information. */
export function statusNotes(status: string, redirectedTo: string | null, locale: Locale): string {
  const label = LABELS[status]?.[locale] ?? status;
  if (status === 'redirected' && redirectedTo) return `${label}: ${redirectedTo}`;
  return label;
}
