import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { homePathFor, useSession } from '../../session/session-context.ts';
import { RegisterForm } from './RegisterForm.tsx';

/** /register: a resident creates an account and lands in the cabinet, signed in. */
export function RegisterPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const navigate = useNavigate();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'user')
    return (
      <section className="card narrow">
        <PageHeading>{t('register.title')}</PageHeading>
        <p>{t('login.already', { name: state.me.user.displayName })}</p>
        <p>
          <Link to={homePathFor(state.me)}>{t('login.continue')}</Link>
        </p>
      </section>
    );

  return (
    <section className="card narrow">
      <PageHeading>{t('register.title')}</PageHeading>
      <p>{t('register.intro')}</p>
      <RegisterForm onSuccess={(me) => void navigate(homePathFor(me), { replace: true })} />
      <p className="form-links">
        {t('register.haveAccount')} <Link to="/login">{t('register.toLogin')}</Link>
      </p>
    </section>
  );
}
