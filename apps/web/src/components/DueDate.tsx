import { useTranslation } from 'react-i18next';
import { daysUntil, formatDate } from '../i18n/dates.ts';

/**
 * A due day with what it means today, in words: "in 3 days", "today", "overdue by 2 days".
 * `done` cases show the day only.
 */
export function DueDate({
  due,
  done = false,
  compact = false,
  today = new Date(),
}: {
  due: string | null;
  done?: boolean;
  /** The shorter date of tables. */
  compact?: boolean;
  today?: Date;
}) {
  const { t, i18n } = useTranslation();
  if (!due) return <span className="muted">—</span>;
  const days = daysUntil(due, today);
  const date = (
    <time dateTime={due.slice(0, 10)}>
      {formatDate(due.slice(0, 10), i18n.language, compact ? 'medium' : 'long')}
    </time>
  );
  if (done || Number.isNaN(days)) return date;
  if (days < 0)
    return (
      <span className="due due-overdue">
        {date} <strong>({t('due.overdue', { count: -days })})</strong>
      </span>
    );
  return (
    <span className={days <= 3 ? 'due due-soon' : 'due'}>
      {date} ({days === 0 ? t('due.today') : t('due.left', { count: days })})
    </span>
  );
}
