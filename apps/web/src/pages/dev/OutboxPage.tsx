import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Items, OutboxMail } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { MailText } from './MailText.tsx';

export const OUTBOX_API = '/api/dev/outbox';

/**
 * /overview/outbox: the letters the platform wrote (development mode, platform operators), so a
 * demo can follow a password reset link without a mail server.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<Items<OutboxMail>>(`${OUTBOX_API}?limit=50`);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <section className="card">
      <PageHeading>{t('outbox.title')}</PageHeading>
      <p>{t('outbox.intro')}</p>
      <p className="toolbar">
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          {t('outbox.refresh')}
        </button>
        <Link to="/overview">{t('outbox.back')}</Link>
      </p>
      <Loaded state={state} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('outbox.empty')}</p>
          ) : (
            <ol className="mail-list" aria-label={t('outbox.listLabel')}>
              {items.map((m) => (
                <li key={m.id}>
                  <article className="mail" aria-labelledby={`mail-${m.id}`}>
                    <h2 id={`mail-${m.id}`} className="mail-subject">
                      {m.subject}
                    </h2>
                    <dl className="mail-meta">
                      <dt>{t('outbox.to')}</dt>
                      <dd>{m.to}</dd>
                      <dt>{t('outbox.time')}</dt>
                      <dd>
                        <time dateTime={m.createdAt}>{time.format(new Date(m.createdAt))}</time>
                      </dd>
                      <dt>{t('outbox.status')}</dt>
                      <dd>
                        {m.sentAt
                          ? t('outbox.sent', { time: time.format(new Date(m.sentAt)) })
                          : m.lastError
                            ? t('outbox.failed', { error: m.lastError })
                            : t('outbox.notSent')}
                      </dd>
                    </dl>
                    <MailText text={m.bodyText} />
                  </article>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}
