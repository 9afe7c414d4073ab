import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { homePathFor, useSession } from '../session/session-context.ts';
import { ExternalLoginError } from './auth/ExternalLoginError.tsx';
import { IdentityProviders } from './auth/IdentityProviders.tsx';
import { DemoLogins } from './DemoLogins.tsx';
import { LoginForm, type LoginPrefill } from './LoginForm.tsx';

interface LoginLocationState {
  prefill?: LoginPrefill;
  from?: string;
  /** Set by the reset page after a new password was saved. */
  notice?: 'passwordChanged';
}

const readState = (v: unknown): LoginLocationState =>
  typeof v === 'object' && v !== null ? (v as LoginLocationState) : {};

export function LoginPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const routed = readState(location.state);
  const [prefill, setPrefill] = useState<LoginPrefill | null>(routed.prefill ?? null);
  const [round, setRound] = useState(0);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'user')
    return (
      <section className="card narrow">
        <PageHeading>{t('login.title')}</PageHeading>
        <p>{t('login.already', { name: state.me.user.displayName })}</p>
        <p>
          <Link to={homePathFor(state.me)}>{t('login.continue')}</Link>
        </p>
      </section>
    );

  return (
    <div className="stack">
      <section className="card narrow">
        <PageHeading>{t('login.title')}</PageHeading>
        {routed.notice === 'passwordChanged' && (
          <p className="notice" role="status">
            {t('login.passwordChanged')}
          </p>
        )}
        <ExternalLoginError />
        <p>{t('login.intro')}</p>
        <LoginForm
          key={round}
          prefill={prefill}
          onSuccess={(me) => void navigate(routed.from ?? homePathFor(me), { replace: true })}
        />
        <ul className="form-links">
          <li>
            <Link to="/forgot-password">{t('login.forgot')}</Link>
          </li>
          <li>
            {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
          </li>
        </ul>
        <IdentityProviders returnTo={routed.from} />
      </section>
      <DemoLogins
        onPick={(login, password) => {
          setPrefill({ email: login.email, password });
          setRound((r) => r + 1);
        }}
      />
    </div>
  );
}
