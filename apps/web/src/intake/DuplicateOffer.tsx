import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { knowledgePaths, type Duplicates, type Support } from '../api/search.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { formatDate } from '../i18n/dates.ts';
import { SearchError } from '../pages/search/SearchError.tsx';
import { useSession } from '../session/session-context.ts';

/**
 * «Already reported — support it instead?»: open public reports of the same category near the
 * draft's point. Supporting one (signed-in residents) replaces the new report; «Send anyway» goes
 * on with it. The heading takes focus so the offer is read out at once.
 */
export function DuplicateOffer({
  municipality,
  duplicates,
  sending,
  onSendAnyway,
  onSupported,
}: {
  municipality: string;
  duplicates: Duplicates;
  sending: boolean;
  onSendAnyway: () => void;
  onSupported: (reportId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { state: session } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const signedIn = session.status === 'user';

  const support = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await api.post<Support>(knowledgePaths.support(municipality, id));
      onSupported(id);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('unknown', String(e), 0));
      setBusy(null);
    }
  };

  return (
    <section className="notice duplicate-offer" aria-labelledby="duplicate-offer-title">
      <h2 id="duplicate-offer-title" ref={heading} tabIndex={-1}>
        {t('search.offer.title')}
      </h2>
      <p>{t('search.offer.intro')}</p>
      {error && <SearchError error={error} />}
      <ul className="candidate-list">
        {duplicates.items.map((d) => {
          const date = formatDate(d.receivedAt, i18n.language, 'medium');
          return (
            <li key={d.id} className="candidate">
              <p>
                <strong>{t('search.offer.candidate', { date })}</strong> <StatusBadge status={d.status} />
              </p>
              <p className="excerpt">{d.text}</p>
              <p className="muted">
                {t('search.offer.distance', { meters: d.distanceMeters })} ·{' '}
                {t('search.offer.supporters', { count: d.supporters })}
              </p>
              {signedIn && (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy !== null}
                  aria-label={t('search.offer.supportThis', { date })}
                  onClick={() => void support(d.id)}
                >
                  {t('search.offer.support')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!signedIn && (
        <p>
          <Link to="/login" state={{ from: location.pathname }}>
            {t('search.offer.logInToSupport')}
          </Link>
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        disabled={sending || busy !== null}
        onClick={onSendAnyway}
      >
        {t('search.offer.sendAnyway')}
      </button>
    </section>
  );
}

/** The confirmation after supporting a report instead of filing a new one. */
export function SupportedNotice({ municipality }: { municipality: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice receipt" role="status">
      <p ref={ref} tabIndex={-1}>
        <strong>{t('search.offer.supported')}</strong>
      </p>
      <p>
        <Link to={`/m/${municipality}/reports`}>{t('search.offer.openReport')}</Link>
      </p>
    </div>
  );
}
