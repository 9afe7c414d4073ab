import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '../../api/search.ts';
import { Highlighted } from '../../components/Highlighted.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate } from '../../i18n/dates.ts';

/** The found documents, best first: number or title linking to the case, kind, date, status, snippet. */
export function SearchHits({
  items,
  caseHref,
}: {
  items: readonly SearchHit[];
  caseHref: (hit: SearchHit) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="search-hits" aria-label={t('search.results')}>
      {items.map((hit) => (
        <li key={`${hit.municipality}/${hit.id}`} className="search-hit">
          <h3>
            <Link to={caseHref(hit)}>
              {hit.regNumber ? `${hit.regNumber} — ${hit.title}` : hit.title || t('search.noNumber')}
            </Link>
          </h3>
          <p className="muted">
            {t('search.hitMeta', {
              kind: t(`search.kind.${hit.kind}`, { defaultValue: hit.kind }),
              date: formatDate(hit.date, i18n.language, 'medium'),
            })}{' '}
            <StatusBadge status={hit.status} />
          </p>
          {hit.snippet && (
            <p className="search-snippet">
              <Highlighted snippet={hit.snippet} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
