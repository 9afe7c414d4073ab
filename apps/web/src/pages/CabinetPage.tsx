import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types.ts';
import { PageHeading } from '../components/PageHeading.tsx';

/** A resident's account; "My appeals" arrives with the appeals module. */
export function CabinetPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <section className="card">
        <PageHeading>{t('cabinet.title')}</PageHeading>
        <p>{t('cabinet.welcome', { name: me.user.displayName })}</p>
      </section>
      <section className="card" aria-labelledby="appeals-title">
        <h2 id="appeals-title">{t('cabinet.appealsTitle')}</h2>
        <p className="muted">{t('cabinet.appealsSoon')}</p>
      </section>
    </div>
  );
}
