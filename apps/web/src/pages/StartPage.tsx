import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';
import { DemoLogins } from './DemoLogins.tsx';
import { MunicipalityList } from './MunicipalityList.tsx';
import type { LoginPrefill } from './LoginForm.tsx';

/** What Zemstvo is, its municipalities and, with demo data, the demo logins. */
export function StartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="stack">
      <section className="hero" aria-labelledby="page-title">
        <PageHeading>{t('start.title')}</PageHeading>
        <p className="lead">{t('start.lead')}</p>
        <ul className="points">
          <li>{t('start.pointResidents')}</li>
          <li>{t('start.pointStaff')}</li>
          <li>{t('start.pointRegion')}</li>
        </ul>
      </section>
      <MunicipalityList />
      <DemoLogins
        onPick={(login, password) => {
          const prefill: LoginPrefill = { email: login.email, password };
          void navigate('/login', { state: { prefill } });
        }}
      />
    </div>
  );
}
