import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Paged, ResidentAppeal } from '../../api/appeals.ts';
import { DueDate } from '../../components/DueDate.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDate } from '../../i18n/dates.ts';
import { localized } from '../../i18n/localized.ts';

/** The resident's appeals in every municipality: number, status, the due day, answers. */
export function MyAppeals() {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<Paged<ResidentAppeal>>('/api/me/appeals?limit=100');
  const lang = i18n.language;
  return (
    <Loaded state={state} onRetry={reload}>
      {({ items }) =>
        items.length === 0 ? (
          <p>
            {t('cabinet.noAppeals')} <Link to="/services">{t('nav.write')}</Link>
          </p>
        ) : (
          <TableRegion label={t('cabinet.appealsTitle')}>
            <table className="table table-stack">
              <caption className="visually-hidden">{t('cabinet.appealsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cabinet.col.appeal')}</th>
                  <th scope="col">{t('cabinet.col.where')}</th>
                  <th scope="col">{t('cabinet.col.status')}</th>
                  <th scope="col">{t('cabinet.col.due')}</th>
                  <th scope="col">{t('cabinet.col.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => {
                  const name = a.regNumber
                    ? t('cabinet.appealNumber', { number: a.regNumber })
                    : t('cabinet.appealOf', { date: formatDate(a.receivedAt, lang) });
                  return (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/cabinet/appeals/${a.municipality}/${a.id}`}>{name}</Link>
                        <div className="muted">{localized(a.category.title, lang)}</div>
                      </th>
                      <td data-label={t('cabinet.col.where')}>
                        {localized(a.municipalityName, lang)}
                        <div className="muted">{localized(a.serviceName, lang)}</div>
                      </td>
                      <td data-label={t('cabinet.col.status')}>
                        <StatusBadge status={a.status} />
                      </td>
                      <td data-label={t('cabinet.col.due')}>
                        <DueDate due={a.answerDue ?? a.registrationDue} done={a.closedAt !== null} compact />
                      </td>
                      <td data-label={t('cabinet.col.answer')}>
                        {a.answers.length > 0 ? t('cabinet.answered', { count: a.answers.length }) : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        )
      }
    </Loaded>
  );
}
