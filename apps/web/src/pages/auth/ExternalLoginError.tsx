import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { externalLoginError } from './external-login.ts';

/** The reason a sign-in at an identity provider failed, when the server sent the user back here. */
export function ExternalLoginError() {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const code = externalLoginError(search);
  if (code === null) return null;
  const key = `externalLogin.${code}`;
  return (
    <div className="alert alert-error" role="alert">
      <p>{i18n.exists(key) ? t(key) : t('externalLogin.failed')}</p>
    </div>
  );
}
