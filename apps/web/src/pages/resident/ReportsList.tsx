import { useTranslation } from 'react-i18next';
import type { PublicReport } from '../../api/appeals.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../i18n/dates.ts';
import { localized } from '../../i18n/localized.ts';

/** The reports as a list: what, where, status; a button shows each on the map. */
export function ReportsList({
  reports,
  selected,
  onShow,
}: {
  reports: readonly PublicReport[];
  selected: string | null;
  onShow: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (reports.length === 0) return <p>{t('reports.none')}</p>;
  return (
    <ul className="report-list">
      {reports.map((r) => {
        const what = r.theme ? localized(r.theme.title, lang) : localized(r.category.title, lang);
        return (
          <li key={r.id} className={r.id === selected ? 'report report-selected' : 'report'}>
            <h3>{what}</h3>
            <p>
              <StatusBadge status={r.status} />{' '}
              <span className="muted">{formatDate(r.receivedAt, lang)}</span>
            </p>
            <p className="report-text">{r.text}</p>
            {r.location && (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('reports.showOnMapLabel', { what })}
                onClick={() => onShow(r.id)}
              >
                {t('reports.showOnMap')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
