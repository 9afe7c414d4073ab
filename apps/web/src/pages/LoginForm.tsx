import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useSession } from '../session/session-context.ts';

export interface LoginPrefill {
  email: string;
  password: string;
}

/** E-mail and password; API errors (invalid_credentials, account_locked, rate_limited) are announced. */
export function LoginForm({
  prefill,
  onSuccess,
}: {
  prefill: LoginPrefill | null;
  onSuccess: (me: Me) => void;
}) {
  const { t } = useTranslation();
  const { login } = useSession();
  const id = useId();
  const [email, setEmail] = useState(prefill?.email ?? '');
  const [password, setPassword] = useState(prefill?.password ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (prefill) submitRef.current?.focus();
  }, [prefill]);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSuccess(await login(email.trim(), password));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('unknown', String(err), 0));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="page-title">
      {prefill && (
        <p className="notice" role="status">
          {t('demo.prefilled', { email: prefill.email })}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('login.email')}</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('login.password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button ref={submitRef} type="submit" className="button" disabled={busy}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
