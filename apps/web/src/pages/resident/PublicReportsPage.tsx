import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Paged, PublicReport } from '../../api/appeals.ts';
import type { MunicipalityWithAbilities } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { useFoundAnnouncement } from '../../hooks/use-found-announcement.ts';
import { useCategories } from '../../hooks/use-categories.ts';
import { localized } from '../../i18n/localized.ts';
import { ReportsMap } from '../../map/ReportsMap.tsx';
import { PublicReportSearch } from '../search/PublicReportSearch.tsx';
import { ReportsFilter } from './ReportsFilter.tsx';
import { ReportsList } from './ReportsList.tsx';

const PAGE = 100;

/** The public map of reports of a municipality, with the same reports as a list. */
export function PublicReportsPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const category = params.get('category') ?? '';
  const status = params.get('status') ?? '';
  const base = `/api/m/${encodeURIComponent(slug)}`;
  const municipality = useApiData<MunicipalityWithAbilities>(base);
  const query = new URLSearchParams({ limit: String(PAGE), offset: String((page - 1) * PAGE) });
  if (category) query.set('category', category);
  if (status) query.set('status', status);
  const reports = useApiData<Paged<PublicReport>>(`${base}/reports?${query.toString()}`);
  const categories = useCategories(slug, true);
  const shown = useFoundAnnouncement(reports.state, (d) => d.total);
  const [selected, setSelected] = useState<string | null>(null);
  const name =
    municipality.state.status === 'ready' ? localized(municipality.state.data.name, i18n.language) : '';

  return (
    <div className="stack">
      <section className="card">
        <PageHeading>{name ? t('reports.titleOf', { name }) : t('reports.title')}</PageHeading>
        <p>{t('reports.intro')}</p>
        <p>
          <Link to={`/services?m=${slug}`}>{t('reports.write')}</Link>
        </p>
        <ReportsFilter
          key={params.toString()}
          category={category}
          status={status}
          categories={categories}
          onApplied={shown.submitted}
        />
        <PublicReportSearch
          slug={slug}
          onShowAll={() => shown.submitted(Boolean(category || status || page > 1))}
        />
        {/* Said after every «Показать» (and «Найти» with no words), also when nothing changed. */}
        <p className="result-count" aria-live="polite">
          {shown.found && (
            <span key={shown.found.round}>{t('reports.foundLive', { count: shown.found.count })}</span>
          )}
        </p>
      </section>
      <Loaded state={reports.state} onRetry={reports.reload}>
        {(data) => (
          <div className="reports-layout">
            <section className="card" aria-labelledby="reports-map-title">
              <h2 id="reports-map-title">{t('reports.map')}</h2>
              <p className="muted">{t('reports.mapHint')}</p>
              <ReportsMap reports={data.items} selected={selected} onSelect={setSelected} />
            </section>
            <section className="card" aria-labelledby="reports-list-title">
              <h2 id="reports-list-title">{t('reports.list')}</h2>
              <p>{t('reports.found', { count: data.total })}</p>
              <ReportsList reports={data.items} selected={selected} onShow={setSelected} />
              <Pagination
                page={page}
                pages={Math.max(1, Math.ceil(data.total / PAGE))}
                label={t('reports.pages')}
                hrefFor={(p) => {
                  const next = new URLSearchParams(params);
                  next.set('page', String(p));
                  return `?${next.toString()}`;
                }}
              />
            </section>
          </div>
        )}
      </Loaded>
    </div>
  );
}
