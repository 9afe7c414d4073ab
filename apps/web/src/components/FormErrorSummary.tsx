import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldsWithErrors, type FormErrors } from '../forms/form-errors.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** Moves focus to a field without touching the URL (the router owns it). */
function focusField(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  e.preventDefault();
  field.focus();
}

/**
 * The errors of a submitted form, announced (role="alert"): the error of the whole form, or the
 * list of field errors, each a link that moves focus to its field.
 */
export function FormErrorSummary<F extends string>({
  errors,
  fields,
  fieldId,
}: {
  errors: FormErrors<F>;
  fields: readonly F[];
  fieldId: (field: F) => string;
}) {
  const { t } = useTranslation();
  if (errors.form) return <ErrorAlert error={errors.form} />;
  const invalid = fieldsWithErrors(errors, fields);
  if (invalid.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('forms.checkFields')}</p>
      <ul className="error-list">
        {invalid.map((f) => (
          <li key={f}>
            <a href={`#${fieldId(f)}`} onClick={(e) => focusField(e, fieldId(f))}>
              {t(errors.fields[f] ?? '')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
