import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';

/** An API error in the reader's language, announced to screen readers (role="alert"). */
export function ErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const key = `errors.${error.code}`;
  const text = i18n.exists(key) ? t(key) : t('errors.unknown', { message: error.message });
  return (
    <div className="alert alert-error" role="alert">
      <p>{text}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
