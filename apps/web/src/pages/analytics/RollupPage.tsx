import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Rollup, RollupKpis } from '../../api/analytics.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';
import { formatNumber, formatShare } from './format.ts';
import './analytics.css';

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The region roll-up for regional users and operators: KPIs per municipality and for the region. */
export function RollupPage() {
  const { t, i18n } = useTranslation();
  const { region = '' } = useParams();
  const [range, setRange] = useState({ from: isoDaysAgo(29), to: isoDaysAgo(0) });
  const { state, reload } = useApiData<Rollup>(
    `/api/regions/${encodeURIComponent(region)}/analytics/rollup?from=${range.from}&to=${range.to}`,
  );
  const cells = (k: RollupKpis) => (
    <>
      <td>{k.incoming}</td>
      <td>{k.answered}</td>
      <td>{k.open}</td>
      <td>{k.overdueNow}</td>
      <td>{formatShare(k.onTimeShare, i18n.language)}</td>
      <td>{formatNumber(k.medianAnswerDays, i18n.language)}</td>
      <td>{formatNumber(k.meanRating, i18n.language)}</td>
    </>
  );
  return (
    <div className="stack">
      <section className="card">
        <PageHeading>{t('analytics.rollup')}</PageHeading>
        <form className="filters" aria-label={t('analytics.filters')} onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="rollup-from">{t('analytics.from')}</label>
            <input
              id="rollup-from"
              type="date"
              value={range.from}
              onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor="rollup-to">{t('analytics.to')}</label>
            <input
              id="rollup-to"
              type="date"
              value={range.to}
              onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
            />
          </div>
        </form>
        <Loaded state={state} onRetry={reload}>
          {(data) => (
            <TableRegion label={t('analytics.rollup')}>
              <table className="table table-heads-wrap">
                <caption>{localized(data.region.name, i18n.language)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('analytics.municipality')}</th>
                    <th scope="col">{t('analytics.kpi.incoming')}</th>
                    <th scope="col">{t('analytics.kpi.answered')}</th>
                    <th scope="col">{t('analytics.kpi.open')}</th>
                    <th scope="col">{t('analytics.kpi.overdueNow')}</th>
                    <th scope="col">{t('analytics.kpi.onTimeShare')}</th>
                    <th scope="col">{t('analytics.kpi.medianAnswerDays')}</th>
                    <th scope="col">{t('analytics.kpi.meanRating')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.municipalities.map((m) => (
                    <tr key={m.slug}>
                      <th scope="row">
                        <Link to={`/workspace/${m.slug}/analytics`}>{localized(m.name, i18n.language)}</Link>
                      </th>
                      {cells(m.kpis)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="score-overall">
                    <th scope="row">{t('analytics.regionTotal')}</th>
                    {cells(data.total)}
                  </tr>
                </tfoot>
              </table>
            </TableRegion>
          )}
        </Loaded>
      </section>
    </div>
  );
}
