import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../api/documents.ts';
import { formatDate, formatDateTime } from '../i18n/dates.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Readable details of a history step: a number, a due day, a status, a comment — when present. */
function details(data: Record<string, unknown>, language: string, t: Translate): string[] {
  const keys = [
    'regNumber',
    'number',
    'answerDue',
    'dueDate',
    'due',
    'to',
    'code',
    'rating',
    'comment',
    'reason',
    'instruction',
    'note',
    'report',
    'redirectedTo',
  ];
  return keys.flatMap((k) => {
    const v = data[k];
    if (k === 'rating' && typeof v === 'number') return [t('history.rating', { rating: v })];
    if (typeof v !== 'string' || v.trim() === '') return [];
    if (DAY.test(v)) return [formatDate(v, language)];
    if (k === 'to') return [t(`status.${v}`, { defaultValue: v })];
    if (k === 'code') return [t(`art11.${v}`, { defaultValue: v })];
    return [v];
  });
}

/** The whole history of a case, oldest first: when, who, what (each step in words). */
export function HistoryList({ events, title }: { events: readonly HistoryEvent[]; title: string }) {
  const { t, i18n } = useTranslation();
  const what = (e: HistoryEvent) =>
    t(`history.type.${e.type}`, { defaultValue: e.type.replaceAll('_', ' ') });
  // Steps the platform took itself (imports, the demo seed, jobs) are labelled `system:<what>`.
  const who = (actor: string) => (actor.startsWith('system:') ? t('history.system') : actor);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{title}</h2>
      {events.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ol className="history">
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
              <span className="history-what">
                {e.of && <span className="history-of">{e.of}: </span>}
                {what(e)}
              </span>
              {e.actor && <span className="muted">{who(e.actor)}</span>}
              {details(e.data, i18n.language, t)
                .filter((d) => d !== what(e))
                .map((d) => (
                  <span key={d} className="history-detail">
                    {d}
                  </span>
                ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
