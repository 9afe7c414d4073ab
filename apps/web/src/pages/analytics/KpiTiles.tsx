import { useTranslation } from 'react-i18next';
import type { Bucket, Dashboard, Drill } from '../../api/analytics.ts';
import { formatShare, formatNumber } from './format.ts';

/** The KPI tiles; those that stand for a set of cases open its drill-down list. */
export function KpiTiles({ kpis, onDrill }: { kpis: Dashboard['kpis']; onDrill: (d: Drill) => void }) {
  const { t, i18n } = useTranslation();
  const n = (x: number | null) => formatNumber(x, i18n.language);
  const tiles: { key: string; value: string; bucket?: Bucket }[] = [
    { key: 'incoming', value: n(kpis.incoming), bucket: 'all' },
    { key: 'registered', value: n(kpis.registered) },
    { key: 'answered', value: n(kpis.answered), bucket: 'answered' },
    { key: 'open', value: n(kpis.open), bucket: 'open' },
    { key: 'overdueNow', value: n(kpis.overdueNow), bucket: 'overdue' },
    { key: 'onTimeShare', value: formatShare(kpis.onTimeShare, i18n.language), bucket: 'on_time' },
    { key: 'medianAnswerDays', value: n(kpis.medianAnswerDays) },
    { key: 'p90AnswerDays', value: n(kpis.p90AnswerDays) },
    { key: 'meanRating', value: n(kpis.meanRating), bucket: 'rated' },
    { key: 'rejections', value: n(kpis.rejections), bucket: 'rejected' },
  ];
  return (
    <ul className="kpi-tiles" aria-label={t('analytics.kpis')}>
      {tiles.map((tile) => {
        const label = t(`analytics.kpi.${tile.key}`);
        const body = (
          <>
            <span className="kpi-value">{tile.value}</span>
            <span className="kpi-label">{label}</span>
          </>
        );
        return (
          <li key={tile.key} className="kpi" data-kpi={tile.key}>
            {tile.bucket ? (
              <button
                type="button"
                className="kpi-button"
                onClick={() => onDrill({ bucket: tile.bucket!, label })}
              >
                {body}
                <span className="visually-hidden">{t('analytics.showCases')}</span>
              </button>
            ) : (
              <div className="kpi-button">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
