import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** The error of the last attempt (announced) and the submit button of an action form. */
export function SubmitRow({ label, busy, error }: { label: string; busy: boolean; error: ApiError | null }) {
  const { t } = useTranslation();
  return (
    <>
      {error && <ErrorAlert error={error} />}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('case.working') : label}
      </button>
    </>
  );
}
