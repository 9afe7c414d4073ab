import { useTranslation } from 'react-i18next';
import type { BreakdownRow, Dimension, Drill } from '../../api/analytics.ts';
import { TableRegion } from '../../components/TableRegion.tsx';
import { localized } from '../../i18n/localized.ts';
import { formatNumber, formatShare } from './format.ts';

/** One breakdown (by category, district…) as a table with bars; a row's name opens its cases. */
export function BreakdownTable({
  dimension,
  rows,
  onDrill,
}: {
  dimension: Dimension;
  rows: readonly BreakdownRow[];
  onDrill: (d: Drill) => void;
}) {
  const { t, i18n } = useTranslation();
  const title = t(`analytics.by.${dimension}`);
  const max = Math.max(1, ...rows.map((r) => r.incoming));
  return (
    <section className="card breakdown" aria-labelledby={`breakdown-${dimension}`} data-dimension={dimension}>
      <h3 id={`breakdown-${dimension}`}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('analytics.noData')}</p>
      ) : (
        <TableRegion label={title}>
          <table className="table table-heads-wrap">
            <thead>
              <tr>
                <th scope="col">{t(`analytics.dimension.${dimension}`)}</th>
                <th scope="col">{t('analytics.kpi.incoming')}</th>
                <th scope="col">{t('analytics.kpi.answered')}</th>
                <th scope="col">{t('analytics.kpi.overdueNow')}</th>
                <th scope="col">{t('analytics.kpi.onTimeShare')}</th>
                <th scope="col">{t('analytics.kpi.meanRating')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const label = localized(r.label, i18n.language);
                return (
                  <tr key={r.key ?? ''}>
                    <th scope="row">
                      {r.key === null ? (
                        label
                      ) : (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onDrill({ dimension, key: r.key!, label, bucket: 'all' })}
                        >
                          {label}
                        </button>
                      )}
                    </th>
                    <td>
                      <span
                        className="bar"
                        style={{ width: `${(r.incoming / max) * 6}rem` }}
                        aria-hidden="true"
                      />
                      {r.incoming}
                    </td>
                    <td>{r.answered}</td>
                    <td>
                      {r.overdueNow > 0 && r.key !== null ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onDrill({ dimension, key: r.key!, label, bucket: 'overdue' })}
                          aria-label={t('analytics.showOverdue', { name: label, n: r.overdueNow })}
                        >
                          {r.overdueNow}
                        </button>
                      ) : (
                        r.overdueNow
                      )}
                    </td>
                    <td>{formatShare(r.onTimeShare, i18n.language)}</td>
                    <td>{formatNumber(r.meanRating, i18n.language)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
