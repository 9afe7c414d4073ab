import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Previous/next links and "page N of M"; `hrefFor` builds each page's URL (state stays in the URL). */
export function Pagination({
  page,
  pages,
  hrefFor,
  label,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        <li>
          {page > 1 ? (
            <Link to={hrefFor(page - 1)} rel="prev">
              {t('pagination.previous')}
            </Link>
          ) : (
            <span className="muted">{t('pagination.previous')}</span>
          )}
        </li>
        <li aria-current="page">{t('pagination.pageOf', { page, pages })}</li>
        <li>
          {page < pages ? (
            <Link to={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
            </Link>
          ) : (
            <span className="muted">{t('pagination.next')}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
