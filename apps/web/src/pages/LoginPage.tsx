import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { homePathFor, useSession } from '../session/session-context.ts';
import { DemoLogins } from './DemoLogins.tsx';
import { LoginForm, type LoginPrefill } from './LoginForm.tsx';

interface LoginLocationState {
  prefill?: LoginPrefill;
  from?: string;
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
        <p>{t('login.intro')}</p>
        <LoginForm
          key={round}
          prefill={prefill}
          onSuccess={(me) => void navigate(routed.from ?? homePathFor(me), { replace: true })}
        />
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
