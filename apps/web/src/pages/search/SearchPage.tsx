import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  readSearchState,
  SEARCH_PAGE,
  searchApiPath,
  searchParamsOf,
  type SearchResult,
  type SearchState,
} from '../../api/search.ts';
import { Loading } from '../../components/Loading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { useCategories } from '../../hooks/use-categories.ts';
import { SectionPage } from '../workspace/SectionPage.tsx';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { SearchError } from './SearchError.tsx';
import { SearchFacets } from './SearchFacets.tsx';
import { SearchForm } from './SearchForm.tsx';
import { SearchHits } from './SearchHits.tsx';

/** Staff search in one municipality: the query and filters live in the URL. */
function Search() {
  const { t, i18n } = useTranslation();
  const { municipality } = useWorkspace();
  const slug = municipality.slug;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = readSearchState(params);
  const path = searchApiPath(slug, state);
  const { state: result, reload } = useApiData<SearchResult>(path);
  const categories = useCategories(slug);
  const themeTitles = useMemo(
    () => new Map(categories.flatMap((c) => c.themes.map((th) => [th.code, th.title] as const))),
    [categories],
  );
  const go = (s: SearchState) => void navigate(`?${searchParamsOf(s).toString()}`);

  return (
    <>
      <p>{t('search.intro')}</p>
      <SearchForm
        key={state.q}
        action={`/workspace/${slug}/search`}
        initial={state.q}
        label={t('search.formLabel')}
        onSearch={(q) => go({ q, filters: state.filters, page: 1 })}
        required
      />
      {path === null ? null : result.status === 'loading' ? (
        <Loading />
      ) : result.status === 'error' ? (
        <SearchError error={result.error} onRetry={reload} />
      ) : (
        <div className="search-layout">
          <SearchFacets
            facets={result.data.facets}
            themeTitles={themeTitles}
            selected={state.filters}
            onChange={(f, v) => {
              const filters = { ...state.filters };
              if (v) filters[f] = v;
              else delete filters[f];
              go({ ...state, filters, page: 1 });
            }}
            onClear={() => go({ q: state.q, filters: {}, page: 1 })}
          />
          <section className="search-results" aria-labelledby="search-results-title">
            <h2 id="search-results-title">{t('search.results')}</h2>
            {result.data.corrected && result.data.corrected.length > 0 && (
              <p className="notice">{t('search.corrected', { words: result.data.corrected.join(', ') })}</p>
            )}
            <p role="status" className="result-count">
              {result.data.totalIsEstimate
                ? t('search.found_estimate', { n: result.data.total.toLocaleString(i18n.language) })
                : result.data.total > 0
                  ? t('search.found', { count: result.data.total })
                  : t('search.empty')}
            </p>
            <SearchHits
              items={result.data.items}
              caseHref={(hit) => `/workspace/${slug}/documents/${hit.id}`}
            />
            <Pagination
              page={state.page}
              pages={Math.max(1, Math.ceil(result.data.total / SEARCH_PAGE))}
              label={t('search.pages')}
              hrefFor={(page) => `?${searchParamsOf({ ...state, page }).toString()}`}
            />
          </section>
        </div>
      )}
    </>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  return (
    <SectionPage title={t('search.title')} permission="document.view">
      {() => <Search />}
    </SectionPage>
  );
}
