import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { formErrorsOf, noFormErrors, type FormErrors } from '../../forms/form-errors.ts';
import { useSession } from '../../session/session-context.ts';

const FIELDS = ['password'] as const;
type Field = (typeof FIELDS)[number];
const CODE_FIELDS = { weak_password: 'password' } as const;

/** Where the login page tells that the password has been changed. */
export interface PasswordChangedState {
  notice: 'passwordChanged';
}

/**
 * /reset-password?token=…: the link from the reset letter. Sets a new password (every session of
 * that account ends) and sends the user to the login page with a confirmation.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const id = useId();
  const fieldId = (f: Field) => `${id}-${f}`;
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors());
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setErrors(noFormErrors());
    try {
      await api.post('/api/auth/password-reset/confirm', { token, password });
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS, CODE_FIELDS));
      setBusy(false);
      return;
    }
    // The reset ended that account's sessions, perhaps this browser's one too.
    await refresh();
    const state: PasswordChangedState = { notice: 'passwordChanged' };
    await navigate('/login', { replace: true, state });
  };

  const linkBroken = token === '' || errors.form?.code === 'invalid_reset_token';
  return (
    <section className="card narrow">
      <PageHeading>{t('reset.title')}</PageHeading>
      {token === '' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('reset.noToken')}</p>
        </div>
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <form className="form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="page-title">
            <FormErrorSummary errors={errors} fields={FIELDS} fieldId={fieldId} />
            <PasswordField
              id={fieldId('password')}
              name="password"
              label={t('fields.password.newLabel')}
              value={password}
              onChange={setPassword}
              error={errors.fields.password ? t(errors.fields.password) : undefined}
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('reset.submitting') : t('reset.submit')}
            </button>
          </form>
        </>
      )}
      <p className="form-links">
        {linkBroken ? (
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        ) : (
          <Link to="/login">{t('forgot.backToLogin')}</Link>
        )}
      </p>
    </section>
  );
}
