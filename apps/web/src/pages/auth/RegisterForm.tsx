import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formErrorsOf, noFormErrors, type FormErrors } from '../../forms/form-errors.ts';
import { useSession } from '../../session/session-context.ts';

const FIELDS = ['displayName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];
const CODE_FIELDS = { email_taken: 'email', bad_email: 'email', weak_password: 'password' } as const;

/** Name, e-mail and password; server errors appear at their fields and in a summary above. */
export function RegisterForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const { t } = useTranslation();
  const { register } = useSession();
  const id = useId();
  const fieldId = (f: Field) => `${id}-${f}`;
  const [values, setValues] = useState<Record<Field, string>>({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors());
  const [busy, setBusy] = useState(false);
  const set = (f: Field) => (v: string) => setValues((old) => ({ ...old, [f]: v }));
  const fieldError = (f: Field) => (errors.fields[f] ? t(errors.fields[f]) : undefined);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setErrors(noFormErrors());
    try {
      onSuccess(
        await register({
          displayName: values.displayName.trim(),
          email: values.email.trim(),
          password: values.password,
        }),
      );
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS, CODE_FIELDS));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} aria-labelledby="page-title">
      <FormErrorSummary errors={errors} fields={FIELDS} fieldId={fieldId} />
      <TextField
        id={fieldId('displayName')}
        name="displayName"
        label={t('fields.displayName.label')}
        hint={t('fields.displayName.hint')}
        autoComplete="name"
        value={values.displayName}
        onChange={set('displayName')}
        error={fieldError('displayName')}
      />
      <TextField
        id={fieldId('email')}
        name="email"
        type="email"
        label={t('fields.email.label')}
        autoComplete="email"
        value={values.email}
        onChange={set('email')}
        error={fieldError('email')}
      />
      <PasswordField
        id={fieldId('password')}
        name="password"
        label={t('fields.password.label')}
        value={values.password}
        onChange={set('password')}
        error={fieldError('password')}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('register.submitting') : t('register.submit')}
      </button>
    </form>
  );
}
