import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { scanPath, spikesPath, type ScanResponse, type SpikeItem } from '../../api/forecast.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDate } from '../../i18n/dates.ts';
import { localized } from '../../i18n/localized.ts';

/**
 * Recent spikes with links to their signal documents and whether each is over (its signal closed or
 * noted), and the "scan now" button for those allowed.
 */
export function SpikesPanel({ slug, canScan }: { slug: string; canScan: boolean }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<{ items: SpikeItem[] }>(spikesPath(slug));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScanResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const scan = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<ScanResponse>(scanPath(slug)));
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('unknown', String(e), 0));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="spikes-heading">
      <h2 id="spikes-heading">{t('forecast.spikes.title')}</h2>
      <p className="muted">{t('forecast.spikes.intro')}</p>
      {canScan && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => void scan()} disabled={busy}>
            {busy ? t('forecast.spikes.scanning') : t('forecast.spikes.scan')}
          </button>
        </div>
      )}
      <div role="status">
        {result && (
          <p className="notice">
            {t('forecast.spikes.scanned', { groups: result.scanned_groups, count: result.opened })}
            {result.ended.length > 0 && ` ${t('forecast.spikes.endedCount', { count: result.ended.length })}`}
          </p>
        )}
      </div>
      {error && <ErrorAlert error={error} />}
      <Loaded state={state} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('forecast.spikes.none')}</p>
          ) : (
            <ul className="spike-list">
              {items.map((s) => (
                <li key={`${s.key}:${s.day}`}>
                  <Link to={`/workspace/${slug}/documents/${s.document_id}`}>
                    {t('forecast.spikes.item', {
                      category: localized(s.label, i18n.language),
                      day: s.day,
                      observed: s.observed,
                      expected: s.expected,
                    })}
                  </Link>
                  {(s.department_name || s.department) && (
                    <span className="muted">
                      {' · '}
                      {s.department_name ? localized(s.department_name, i18n.language) : s.department}
                    </span>
                  )}
                  <span className="muted">
                    {' · '}
                    {s.ended_on && s.end_action
                      ? t(`forecast.spikes.ended.${s.end_action}`, {
                          date: formatDate(s.ended_on, i18n.language),
                        })
                      : t('forecast.spikes.ongoing')}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
