import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SearchResult } from '../../api/search.ts';
import { Highlighted } from '../../components/Highlighted.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { useFoundAnnouncement } from '../../hooks/use-found-announcement.ts';
import { formatDate } from '../../i18n/dates.ts';
import { SearchForm } from './SearchForm.tsx';

/**
 * Search in a municipality's public reports (the same search API: anonymous callers and residents
 * see only published reports, personal data masked). The words live in the page URL (`q`).
 */
export function PublicReportSearch({
  slug,
  onShowAll,
}: {
  slug: string;
  /** «Найти» with no words: show all reports (the map's filters are dropped too). */
  onShowAll?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const query = new URLSearchParams({ q, kind: 'appeal', limit: '20' });
  const found = useApiData<SearchResult>(
    q ? `/api/m/${encodeURIComponent(slug)}/search?${query.toString()}` : null,
  );
  const said = useFoundAnnouncement(found.state, (d) => d.total);
  const onSearch = (words: string) => {
    if (words) said.submitted(words !== q);
    else onShowAll?.();
    void navigate(words ? `?${new URLSearchParams({ q: words }).toString()}` : '?');
  };
  return (
    <>
      <SearchForm
        key={q}
        action={`/m/${slug}/reports`}
        initial={q}
        label={t('search.public.label')}
        fieldLabel={t('search.public.query')}
        onSearch={onSearch}
      />
      {/* Said after every «Найти», also when the words did not change (see useFoundAnnouncement). */}
      <p className="visually-hidden" aria-live="polite">
        {said.found && (
          <span key={said.found.round}>{t('search.public.found', { count: said.found.count })}</span>
        )}
      </p>
      {q && (
        <Loaded state={found.state} onRetry={found.reload}>
          {(data) => (
            <>
              <p className="result-count">
                {data.total > 0 ? t('search.public.found', { count: data.total }) : t('search.empty')}
              </p>
              <ul className="search-hits" aria-label={t('search.results')}>
                {data.items.map((hit) => (
                  <li key={hit.id} className="search-hit">
                    <p>
                      <strong>{hit.title}</strong>
                    </p>
                    <p className="muted">
                      {formatDate(hit.date, i18n.language, 'medium')} <StatusBadge status={hit.status} />
                    </p>
                    {hit.snippet && (
                      <p className="search-snippet">
                        <Highlighted snippet={hit.snippet} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Loaded>
      )}
    </>
  );
}
