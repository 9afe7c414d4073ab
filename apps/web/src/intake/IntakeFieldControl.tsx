import { useTranslation } from 'react-i18next';
import type { IntakeField } from '../api/catalog.ts';
import { FieldShell } from '../components/FieldShell.tsx';
import { localized } from '../i18n/localized.ts';
import { LocationPicker } from '../map/LocationPicker.tsx';
import { autocompleteFor } from './autocomplete.ts';
import { FilesInput } from './FilesInput.tsx';
import type { IntakeValue, LocationValue } from './intake-values.ts';

const INPUT_TYPES: Partial<Record<IntakeField['type'], string>> = {
  email: 'email',
  phone: 'tel',
  date: 'date',
};

/** One field of a package's intake form, drawn by its type, with label, hint and error. */
export function IntakeFieldControl({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string;
  field: IntakeField;
  value: IntakeValue;
  error: string | undefined;
  onChange: (value: IntakeValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const label = localized(field.label, i18n.language);
  const hint = field.hint ? localized(field.hint, i18n.language) : undefined;
  const text = typeof value === 'string' ? value : '';

  if (field.type === 'location')
    return (
      <LocationPicker
        id={id}
        label={label}
        hint={hint}
        error={error}
        required={field.required}
        value={value as LocationValue}
        onChange={onChange}
      />
    );

  if (field.type === 'checkbox')
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        <div className="checkbox">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            required={field.required}
            aria-invalid={error ? true : undefined}
            aria-describedby={
              [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined
            }
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id}>
            {label}
            {field.required && (
              <span className="required-mark" aria-hidden="true">
                {' '}
                *
              </span>
            )}
          </label>
        </div>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    );

  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={field.required}>
      {({ describedBy, invalid }) => {
        const common = {
          id,
          name: field.key,
          required: field.required,
          'aria-describedby': describedBy,
          'aria-invalid': invalid || undefined,
        };
        switch (field.type) {
          case 'files':
            return (
              <FilesInput
                id={id}
                files={Array.isArray(value) ? value : []}
                onChange={onChange}
                describedBy={describedBy}
                invalid={invalid}
              />
            );
          case 'textarea':
            return (
              <textarea
                {...common}
                rows={8}
                maxLength={field.maxLength}
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            );
          case 'select':
            return (
              <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t('intake.choose')}</option>
                {(field.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {localized(o.label, i18n.language)}
                  </option>
                ))}
              </select>
            );
          default:
            return (
              <input
                {...common}
                type={INPUT_TYPES[field.type] ?? 'text'}
                autoComplete={autocompleteFor(field)}
                maxLength={field.maxLength}
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            );
        }
      }}
    </FieldShell>
  );
}
