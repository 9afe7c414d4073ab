import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from './TextField.tsx';

/** A new password with the policy as its hint and a "show password" switch. */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'autoComplete' | 'hint'>) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="password-field">
      <TextField
        {...props}
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        hint={t('fields.password.hint')}
      />
      <div className="checkbox">
        <input
          id={`${props.id}-show`}
          type="checkbox"
          checked={shown}
          onChange={(e) => setShown(e.target.checked)}
        />
        <label htmlFor={`${props.id}-show`}>{t('fields.password.show')}</label>
      </div>
    </div>
  );
}
