import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formErrorsOf, noFormErrors, type FormErrors } from '../../forms/form-errors.ts';

const FIELDS = ['email'] as const;
type Field = (typeof FIELDS)[number];

/**
 * /forgot-password: asks for a reset link by e-mail. The server answers the same whether or not
 * the account exists, and so does this page.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = (f: Field) => `${id}-${f}`;
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors());
  const [busy, setBusy] = useState(false);
  const sentRef = useRef<HTMLDivElement>(null);

  // The form goes away with its button: keep keyboard focus on the answer that replaces it.
  useEffect(() => {
    if (sentTo !== null) sentRef.current?.focus();
  }, [sentTo]);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setErrors(noFormErrors());
    try {
      await api.post('/api/auth/password-reset', { email: email.trim() });
      setSentTo(email.trim());
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow">
      <PageHeading>{t('forgot.title')}</PageHeading>
      {sentTo === null ? (
        <>
          <p>{t('forgot.intro')}</p>
          <form className="form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="page-title">
            <FormErrorSummary errors={errors} fields={FIELDS} fieldId={fieldId} />
            <TextField
              id={fieldId('email')}
              name="email"
              type="email"
              label={t('fields.email.label')}
              autoComplete="email"
              value={email}
              onChange={setEmail}
              error={errors.fields.email ? t(errors.fields.email) : undefined}
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('forgot.submitting') : t('forgot.submit')}
            </button>
          </form>
        </>
      ) : (
        <div ref={sentRef} className="notice" role="status" tabIndex={-1}>
          <p>{t('forgot.sent', { email: sentTo })}</p>
          <p>{t('forgot.sentHint')}</p>
        </div>
      )}
      <p className="form-links">
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </p>
    </section>
  );
}
