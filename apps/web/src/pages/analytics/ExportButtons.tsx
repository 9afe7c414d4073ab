import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { drillFilters, type AnalyticsFilters, type Drill, type ReportResult } from '../../api/analytics.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** DOCX/PDF export of the dashboard (or of the open drill-down list) into document flow. */
export function ExportButtons({
  slug,
  filters,
  drill,
}: {
  slug: string;
  filters: AnalyticsFilters;
  drill: Drill | null;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const kind = drill ? 'cases' : 'dashboard';
  const run = async (format: 'docx' | 'pdf') => {
    setBusy(true);
    setError(null);
    try {
      const { period: _, ...rest } = drillFilters(filters, drill);
      const body = {
        kind,
        format,
        locale: i18n.language === 'en' ? 'en' : 'ru',
        filters: kind === 'dashboard' ? { ...rest, period: filters.period } : rest,
      };
      setResult(await api.post<ReportResult>(`/api/m/${encodeURIComponent(slug)}/analytics/reports`, body));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('unknown', String(e), 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-row">
      <span>{t(drill ? 'analytics.exportCases' : 'analytics.exportDashboard')}</span>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => void run('docx')}
      >
        DOCX
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => void run('pdf')}
      >
        PDF
      </button>
      <p role="status" className="export-status">
        {busy && t('analytics.exporting')}
        {result && !busy && (
          <>
            {t('analytics.exported')}{' '}
            <Link to={`/workspace/${slug}/documents/${result.documentId}`}>
              {result.regNumber ?? result.title}
            </Link>{' '}
            (
            <a
              href={`/api/m/${encodeURIComponent(slug)}/documents/${result.documentId}/attachments/${result.attachmentId}`}
            >
              {result.fileName}
            </a>
            )
          </>
        )}
      </p>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
