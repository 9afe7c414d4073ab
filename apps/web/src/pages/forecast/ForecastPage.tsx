import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forecastPath, type ForecastResponse } from '../../api/forecast.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';
import { SectionPage } from '../workspace/SectionPage.tsx';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { ForecastSummary } from './ForecastSummary.tsx';
import { GroupDetail } from './GroupDetail.tsx';
import { SpikesPanel } from './SpikesPanel.tsx';
import './forecast.css';

const HORIZONS = [4, 8, 12, 26];

function Forecast({ slug, canScan }: { slug: string; canScan: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [horizon, setHorizon] = useState(8);
  const [picked, setPicked] = useState('*');
  const { state, reload } = useApiData<ForecastResponse>(forecastPath(slug, horizon));
  return (
    <>
      <p>{t('forecast.intro')}</p>
      <Loaded state={state} onRetry={reload}>
        {(data) => {
          if (data.groups.length === 0) return <p>{t('forecast.empty')}</p>;
          const all = [data.total, ...data.groups];
          const group = all.find((g) => g.key === picked) ?? data.total;
          const title = group.key === '*' ? t('forecast.total') : localized(group.label, i18n.language);
          return (
            <>
              {data.stale && (
                <p className="notice" role="status">
                  {t('forecast.stale', { date: data.window.to })}
                </p>
              )}
              <div className="forecast-controls">
                <div className="field">
                  <label htmlFor={`${id}-group`}>{t('forecast.category')}</label>
                  <select id={`${id}-group`} value={group.key} onChange={(e) => setPicked(e.target.value)}>
                    {all.map((g) => (
                      <option key={g.key} value={g.key}>
                        {g.key === '*' ? t('forecast.total') : localized(g.label, i18n.language)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-horizon`}>{t('forecast.horizon')}</label>
                  <select
                    id={`${id}-horizon`}
                    value={horizon}
                    onChange={(e) => setHorizon(Number(e.target.value))}
                  >
                    {HORIZONS.map((h) => (
                      <option key={h} value={h}>
                        {t('forecast.weeks', { count: h })}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <h2>{title}</h2>
              <GroupDetail group={group} title={title} level={data.level} />
              <ForecastSummary
                groups={data.groups}
                onPick={(key) => {
                  setPicked(key);
                  document.getElementById(`${id}-group`)?.focus();
                }}
              />
            </>
          );
        }}
      </Loaded>
      <SpikesPanel slug={slug} canScan={canScan} />
    </>
  );
}

/** The workspace's forecast: weekly volume per category with its interval and back-test, and spikes. */
export function ForecastPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  return (
    <SectionPage title={t('forecast.title')} permission="forecast.view">
      {() => <Forecast slug={municipality.slug} canScan={municipality.abilities.includes('forecast.scan')} />}
    </SectionPage>
  );
}
