import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDateTime } from '../../i18n/dates.ts';

/** What POST /api/verify says about a file. */
export interface Verification {
  valid: boolean;
  sha256: string;
  signer?: string;
  position?: string | null;
  signedAt?: string;
  /** The municipality's name in Russian and in English, as the signature recorded it. */
  municipality?: string | null;
  municipalityEn?: string | null;
  documentNumber?: string | null;
}

/** Anyone holding a signed file checks it here: the server looks its SHA-256 up among signatures. */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setResult(await api.post<Verification>('/api/verify', form));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('unknown', String(err), 0));
    } finally {
      setBusy(false);
    }
  };
  const municipality = (r: Verification) =>
    i18n.language === 'en' ? (r.municipalityEn ?? r.municipality) : r.municipality;

  return (
    <section className="card">
      <PageHeading>{t('verify.title')}</PageHeading>
      <p>{t('verify.intro')}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('verify.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button" disabled={busy || !file}>
          {busy ? t('verify.checking') : t('verify.check')}
        </button>
      </form>
      {error && <ErrorAlert error={error} />}
      <div role="status" className="verify-result">
        {result &&
          (result.valid ? (
            <div className="notice">
              <p>
                <strong>{t('verify.valid')}</strong>
              </p>
              <p>
                {t('verify.signedBy', {
                  signer: [result.signer, result.position].filter(Boolean).join(', '),
                  date: result.signedAt ? formatDateTime(result.signedAt, i18n.language) : '',
                })}
              </p>
              {municipality(result) && <p>{municipality(result)}</p>}
              {result.documentNumber && <p>{t('verify.number', { number: result.documentNumber })}</p>}
            </div>
          ) : (
            <div className="alert alert-error">
              <p>{t('verify.invalid')}</p>
            </div>
          ))}
        {result && (
          <p className="muted">
            SHA-256: <code className="sha">{result.sha256}</code>
          </p>
        )}
      </div>
    </section>
  );
}
