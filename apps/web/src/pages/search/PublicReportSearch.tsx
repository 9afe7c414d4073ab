import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SearchResult } from '../../api/search.ts';
import { Highlighted } from '../../components/Highlighted.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDate } from '../../i18n/dates.ts';
import { SearchForm } from './SearchForm.tsx';

/**
 * Search in a municipality's public reports (the same search API: anonymous callers and residents
 * see only published reports, personal data masked). The words live in the page URL (`q`).
 */
export function PublicReportSearch({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const query = new URLSearchParams({ q, kind: 'appeal', limit: '20' });
  const found = useApiData<SearchResult>(
    q ? `/api/m/${encodeURIComponent(slug)}/search?${query.toString()}` : null,
  );
  return (
    <>
      <SearchForm
        key={q}
        action={`/m/${slug}/reports`}
        initial={q}
        label={t('search.public.label')}
        fieldLabel={t('search.public.query')}
        onSearch={(words) => void navigate(words ? `?${new URLSearchParams({ q: words }).toString()}` : '?')}
      />
      {q && (
        <Loaded state={found.state} onRetry={found.reload}>
          {(data) => (
            <>
              <p role="status" className="result-count">
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
