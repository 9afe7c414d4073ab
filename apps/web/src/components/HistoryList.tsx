import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../api/documents.ts';
import { formatDate, formatDateTime } from '../i18n/dates.ts';

/** Readable details of a history step: a number, a due day, a comment, a reason — when present. */
function details(data: Record<string, unknown>, language: string): string[] {
  const keys = ['regNumber', 'number', 'dueDate', 'due', 'comment', 'reason', 'instruction', 'note', 'report', 'redirectedTo'];
  return keys.flatMap((k) => {
    const v = data[k];
    if (typeof v !== 'string' || v.trim() === '') return [];
    return [/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, language) : v];
  });
}

/** The whole history of a case, oldest first: when, who, what (each step in words). */
export function HistoryList({ events, title }: { events: readonly HistoryEvent[]; title: string }) {
  const { t, i18n } = useTranslation();
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
              <span className="history-what">{t(`history.type.${e.type}`, { defaultValue: e.type.replaceAll('_', ' ') })}</span>
              <span className="muted">{e.actor}</span>
              {details(e.data, i18n.language).map((d) => (
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
