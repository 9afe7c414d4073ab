import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnalyticsFilters, CasesPage, Drill } from '../../api/analytics.ts';
import { sliceQuery } from '../../api/analytics.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDate } from '../../i18n/dates.ts';
import { localized } from '../../i18n/localized.ts';

/** The drill-down list: the cases behind the clicked slice, each linking to its case page. */
export function CasesList({
  slug,
  filters,
  drill,
  page,
  onPage,
  onClose,
}: {
  slug: string;
  filters: AnalyticsFilters;
  drill: Drill;
  page: number;
  onPage: (page: number) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const path = `/api/m/${encodeURIComponent(slug)}/analytics/cases?${sliceQuery(filters, drill, { page: String(page), limit: '25' })}`;
  const { state, reload } = useApiData<CasesPage>(path);
  const title = t('analytics.casesOf', { what: drill.label });
  return (
    <section className="card drill-down" aria-labelledby="analytics-cases" data-testid="drill-down">
      <div className="toolbar">
        <h2 id="analytics-cases">{title}</h2>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          {t('analytics.closeCases')}
        </button>
      </div>
      <Loaded state={state} onRetry={reload}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.limit));
          return (
            <>
              <p className="result-count" role="status">
                {t('analytics.casesFound', { count: data.total })}
              </p>
              <TableRegion label={title}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('analytics.case.number')}</th>
                      <th scope="col">{t('analytics.case.received')}</th>
                      <th scope="col">{t('analytics.case.category')}</th>
                      <th scope="col">{t('analytics.case.status')}</th>
                      <th scope="col">{t('analytics.case.due')}</th>
                      <th scope="col">{t('analytics.case.closed')}</th>
                      <th scope="col">{t('analytics.case.executor')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <Link to={`/workspace/${slug}/documents/${c.id}`}>
                            {c.regNumber ?? t('analytics.case.noNumber')}
                          </Link>
                        </th>
                        <td>{formatDate(c.receivedAt, i18n.language, 'medium')}</td>
                        <td>
                          {localized(c.category.title, i18n.language)}
                          {c.district ? ` · ${c.district}` : ''}
                        </td>
                        <td>{t(`status.${c.status}`, { defaultValue: c.status })}</td>
                        <td>{c.answerDue ? formatDate(c.answerDue, i18n.language, 'medium') : '—'}</td>
                        <td>{c.closedAt ? formatDate(c.closedAt, i18n.language, 'medium') : '—'}</td>
                        <td>{c.executor?.name ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              {pages > 1 && (
                <nav className="pagination" aria-label={t('analytics.casesPages')}>
                  <ul>
                    <li>
                      <button
                        type="button"
                        className="link-button"
                        disabled={page <= 1}
                        onClick={() => onPage(page - 1)}
                      >
                        {t('pagination.previous')}
                      </button>
                    </li>
                    <li aria-current="page">{t('pagination.pageOf', { page, pages })}</li>
                    <li>
                      <button
                        type="button"
                        className="link-button"
                        disabled={page >= pages}
                        onClick={() => onPage(page + 1)}
                      >
                        {t('pagination.next')}
                      </button>
                    </li>
                  </ul>
                </nav>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
