import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  sliceQuery,
  type AnalyticsFilters,
  type Dashboard,
  type Dimension,
  type Drill,
  type Heatmap,
  type Period,
} from '../../api/analytics.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { useCategories } from '../../hooks/use-categories.ts';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { BreakdownTable } from './BreakdownTable.tsx';
import { CasesList } from './CasesList.tsx';
import { CityScoreTable } from './CityScoreTable.tsx';
import { DashboardCharts } from './DashboardCharts.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { FilterBar } from './FilterBar.tsx';
import { HeatMap } from './HeatMap.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import './analytics.css';

const DIMENSIONS: Dimension[] = ['category', 'theme', 'district', 'department', 'executor'];
const PERIODS: readonly string[] = ['day', 'week', 'month'];

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Filters from the URL (so a view can be bookmarked and shared), with the last 30 days by default. */
function filtersOf(params: URLSearchParams): AnalyticsFilters {
  const period = params.get('period') ?? 'day';
  return {
    from: params.get('from') ?? isoDaysAgo(29),
    to: params.get('to') ?? isoDaysAgo(0),
    period: (PERIODS.includes(period) ? period : 'day') as Period,
    category: params.get('category') ?? '',
    district: params.get('district') ?? '',
  };
}

/**
 * The analytics section: filters, KPI tiles, the series and answer-time charts, breakdowns with
 * drill-down to the cases, the heat map, CityScore, and DOCX/PDF export into document flow.
 */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  const slug = municipality.slug;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [page, setPage] = useState(1);
  const base = `/api/m/${encodeURIComponent(slug)}/analytics`;
  const dashboard = useApiData<Dashboard>(
    `${base}/dashboard?${sliceQuery(filters, null, { period: filters.period })}`,
  );
  const heat = useApiData<Heatmap>(`${base}/heatmap?${sliceQuery(filters)}`);
  const manifestCategories = useCategories(slug);
  const canExport = municipality.abilities.includes('analytics.export');

  const data = dashboard.state.status === 'ready' ? dashboard.state.data : null;
  const categories = useMemo(() => {
    const seen = new Map(manifestCategories.map((c) => [c.code, { code: c.code, title: c.title }]));
    for (const r of data?.breakdowns.category ?? [])
      if (r.key && !seen.has(r.key)) seen.set(r.key, { code: r.key, title: r.label });
    return [...seen.values()];
  }, [manifestCategories, data]);
  const districts = useMemo(
    () => (data?.breakdowns.district ?? []).flatMap((r) => (r.key ? [r.key] : [])),
    [data],
  );

  const apply = (f: AnalyticsFilters) => {
    setDrill(null);
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
    setParams(next);
  };
  const openDrill = (d: Drill) => {
    setPage(1);
    setDrill(d);
  };

  return (
    <div className="stack analytics">
      <PageHeading>{t('analytics.title')}</PageHeading>
      <FilterBar
        key={params.toString()}
        filters={filters}
        categories={categories}
        districts={districts}
        onApply={apply}
      />
      {canExport && <ExportButtons slug={slug} filters={filters} drill={drill} />}
      <Loaded state={dashboard.state} onRetry={dashboard.reload}>
        {(d) => (
          <>
            <KpiTiles kpis={d.kpis} onDrill={openDrill} />
            {drill && (
              <CasesList
                slug={slug}
                filters={filters}
                drill={drill}
                page={page}
                onPage={setPage}
                onClose={() => setDrill(null)}
              />
            )}
            <DashboardCharts data={d} onDrill={openDrill} />
            <div className="breakdowns">
              {DIMENSIONS.map((dim) => (
                <BreakdownTable key={dim} dimension={dim} rows={d.breakdowns[dim]} onDrill={openDrill} />
              ))}
            </div>
          </>
        )}
      </Loaded>
      <Loaded state={heat.state} onRetry={heat.reload}>
        {(h) => <HeatMap data={h} />}
      </Loaded>
      <CityScoreTable slug={slug} canManage={municipality.abilities.includes('analytics.manage')} />
    </div>
  );
}
