import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDateTime } from '../../i18n/dates.ts';

interface Notification {
  id: string;
  kind: string;
  documentId: string | null;
  textRu: string;
  textEn: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The member's unread notifications (reminders, escalations, assignments, approvals), newest first. */
export function NotificationsPanel() {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<{ items: Notification[]; unread: number }>(
    '/api/me/notifications?unread=1&limit=20',
  );
  const [busy, setBusy] = useState<string | null>(null);
  const markRead = async (id: string) => {
    setBusy(id);
    try {
      await api.post(`/api/me/notifications/${encodeURIComponent(id)}/read`);
    } finally {
      setBusy(null);
      reload();
    }
  };
  return (
    <section aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('notifications.title')}</h2>
      <Loaded state={state} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('notifications.none')}</p>
          ) : (
            <ul className="notification-list">
              {items.map((n) => {
                const text = i18n.language === 'en' ? n.textEn : n.textRu;
                return (
                  <li key={n.id}>
                    <span className="muted">{formatDateTime(n.createdAt, i18n.language)}</span>{' '}
                    {n.link ? <Link to={n.link}>{text}</Link> : text}{' '}
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={busy === n.id}
                      aria-label={t('notifications.markReadLabel', { text })}
                      onClick={() => void markRead(n.id)}
                    >
                      {t('notifications.markRead')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
