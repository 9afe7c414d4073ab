import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** A refusal of the knowledge-base API: its own words where the search texts have them, else the shared ones. */
export function SearchError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const key = `search.errors.${error.code}`;
  if (!i18n.exists(key)) return <ErrorAlert error={error} {...(onRetry ? { onRetry } : {})} />;
  return (
    <div className="alert alert-error" role="alert">
      <p>{t(key)}</p>
    </div>
  );
}
