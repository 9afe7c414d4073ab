import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { homePathFor, useSession } from '../session/session-context.ts';
import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

const homeLabelKey = {
  staff: 'nav.workspace',
  resident: 'nav.cabinet',
  regional: 'nav.overview',
  operator: 'nav.overview',
} as const;

export function SiteHeader() {
  const { t } = useTranslation();
  const { state, logout } = useSession();
  const navigate = useNavigate();

  // Leave the page first: a page that needs a session would otherwise redirect to the login form.
  const onLogout = async () => {
    await navigate('/');
    await logout();
  };

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <BrandMark />
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
            <span className="visually-hidden">{t('app.homeLink')}</span>
          </span>
        </Link>
        <nav className="main-nav" aria-label={t('app.mainNav')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {(state.status !== 'user' || state.me.user.kind === 'resident') && (
              <li>
                <NavLink to="/services">{t('nav.write')}</NavLink>
              </li>
            )}
            {state.status === 'user' && (
              <li>
                <NavLink to={homePathFor(state.me)}>{t(homeLabelKey[state.me.user.kind])}</NavLink>
              </li>
            )}
            {state.status === 'anonymous' && (
              <li>
                <NavLink to="/login">{t('nav.login')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitcher />
          {state.status === 'user' && (
            <div className="user-box">
              <span className="user-name">{t('nav.signedInAs', { name: state.me.user.displayName })}</span>
              <button type="button" className="button button-light" onClick={() => void onLogout()}>
                {t('nav.logout')}
              </button>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
