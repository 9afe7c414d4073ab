import { useTranslation } from 'react-i18next';
import { LOCALES } from '../i18n/locale.ts';
import { useSession } from '../session/session-context.ts';

/** Two buttons, each named in its own language; the current one is pressed. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useSession();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="lang-button"
          aria-pressed={i18n.language === locale}
          onClick={() => void changeLocale(locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
