import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../api/types.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { MyAppeals } from './resident/MyAppeals.tsx';

/** A resident's account: their appeals in every municipality, and where to write a new one. */
export function CabinetPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <section className="card">
        <PageHeading>{t('cabinet.title')}</PageHeading>
        <p>{t('cabinet.welcome', { name: me.user.displayName })}</p>
        <p>
          <Link className="button" to="/services">
            {t('nav.write')}
          </Link>
        </p>
      </section>
      <section className="card" aria-labelledby="appeals-title">
        <h2 id="appeals-title">{t('cabinet.appealsTitle')}</h2>
        <MyAppeals />
      </section>
    </div>
  );
}
