import { useTranslation } from 'react-i18next';
import type { CalendarOverride } from '../../api/calendar.ts';
import { TableRegion } from '../../components/TableRegion.tsx';
import { formatDate } from '../../i18n/dates.ts';

/** The operator's overrides of one year with their notes; operators get a remove button on each. */
export function OverridesTable({
  year,
  overrides,
  onRemove,
  busy,
}: {
  year: number;
  overrides: CalendarOverride[];
  /** Absent: read-only (not an operator). */
  onRemove?: ((date: string) => void) | undefined;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const caption = t('calendar.overrides', { year });
  return (
    <TableRegion label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.date')}</th>
            <th scope="col">{t('calendar.day')}</th>
            <th scope="col">{t('calendar.note')}</th>
            {onRemove && (
              <th scope="col">
                <span className="visually-hidden">{t('calendar.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {overrides.map((o) => {
            const date = formatDate(o.date, i18n.language);
            return (
              <tr key={o.date}>
                <th scope="row">{date}</th>
                <td>{t(`calendar.overrideKind.${o.kind}`)}</td>
                <td>{o.note || '—'}</td>
                {onRemove && (
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={busy}
                      aria-label={t('calendar.removeLabel', { date })}
                      onClick={() => onRemove(o.date)}
                    >
                      {t('calendar.remove')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
