import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityScore, CityScoreRow, MetricScore } from '../../api/analytics.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';
import { formatNumber } from './format.ts';
import { TargetsForm } from './TargetsForm.tsx';

const WINDOWS = ['day', 'week', 'month', 'quarter'] as const;

/** A score with its colour and its meaning in words (colour is never the only signal). */
function Score({ score }: { score: number | null }) {
  const { t, i18n } = useTranslation();
  if (score === null) return <span className="muted">—</span>;
  const level = score >= 1 ? 'above' : score >= 0.9 ? 'near' : 'below';
  return (
    <span className={`score score-${level}`}>
      {formatNumber(score, i18n.language)}{' '}
      <span className="visually-hidden">({t(`analytics.score.${level}`)})</span>
    </span>
  );
}

const metricText = (m: MetricScore, t: (k: string) => string, language: string) =>
  `${t(`analytics.metric.${m.metric}`)}: ${formatNumber(m.actual, language)} / ${formatNumber(m.target, language)}`;

/**
 * CityScore per department and overall, for the day, week, month and quarter; with
 * `canManage` (permission `analytics.manage`) the targets can be changed under the table.
 */
export function CityScoreTable({ slug, canManage }: { slug: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<CityScore>(`/api/m/${encodeURIComponent(slug)}/analytics/cityscore`);
  const [saved, setSaved] = useState('');
  const onSaved = (message: string) => {
    setSaved(message);
    reload();
  };
  const row = (r: CityScoreRow, overall = false) => {
    const name = localized(r.label, i18n.language);
    return (
      <tr key={r.key ?? (overall ? '*' : '')} className={overall ? 'score-overall' : undefined}>
        <th scope="row">{name}</th>
        {WINDOWS.map((w) => {
          const win = r.windows.find((x) => x.window === w);
          return (
            <td key={w} title={win?.metrics.map((m) => metricText(m, t, i18n.language)).join('\n')}>
              <Score score={win?.score ?? null} />
            </td>
          );
        })}
      </tr>
    );
  };
  return (
    <section className="card" aria-labelledby="analytics-cityscore">
      <h2 id="analytics-cityscore">{t('analytics.cityscore')}</h2>
      <p className="muted">{t('analytics.cityscoreIntro')}</p>
      <Loaded state={state} onRetry={reload}>
        {(data) => (
          <>
            <p>
              {t('analytics.targets', {
                onTime: formatNumber(data.targets.onTimeShare, i18n.language),
                days: formatNumber(data.targets.answerDays, i18n.language),
                rating: formatNumber(data.targets.rating, i18n.language),
                backlog: formatNumber(data.targets.backlogWithinShare, i18n.language),
              })}
            </p>
            <TableRegion label={t('analytics.cityscore')}>
              <table className="table">
                <caption className="visually-hidden">
                  {t('analytics.cityscoreCaption', { date: data.date })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('analytics.department')}</th>
                    {WINDOWS.map((w) => (
                      <th scope="col" key={w}>
                        {t(`analytics.window.${w}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {row(data.overall, true)}
                  {data.departments.map((d) => row(d))}
                </tbody>
              </table>
            </TableRegion>
            {canManage && (
              <TargetsForm
                key={JSON.stringify(data.targets)}
                slug={slug}
                targets={data.targets}
                onSaved={onSaved}
              />
            )}
          </>
        )}
      </Loaded>
      <p role="status" className="export-status">
        {saved}
      </p>
    </section>
  );
}
