import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { SubmittedAppeal } from '../../api/appeals.ts';
import type { ServiceDetail } from '../../api/catalog.ts';
import type { MunicipalityWithAbilities } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';
import { IntakeForm } from '../../intake/IntakeForm.tsx';
import { useSession } from '../../session/session-context.ts';
import { AppealSubmitted } from './AppealSubmitted.tsx';

/** Filing an appeal or a map report to one service of a municipality (its package's form). */
export function NewAppealPage() {
  const { t, i18n } = useTranslation();
  const { slug = '', service = '' } = useParams();
  const location = useLocation();
  const { state: session } = useSession();
  const base = `/api/m/${encodeURIComponent(slug)}`;
  const municipality = useApiData<MunicipalityWithAbilities>(base);
  const detail = useApiData<ServiceDetail>(`${base}/services/${encodeURIComponent(service)}`);
  const [sent, setSent] = useState<SubmittedAppeal | null>(null);
  const [round, setRound] = useState(0);
  const onSubmitted = useCallback((a: SubmittedAppeal) => setSent(a), []);
  const me = session.status === 'user' ? session.me : null;

  return (
    <Loaded state={detail.state} onRetry={detail.reload}>
      {(s) => (
        <section className="card">
          <PageHeading>{localized(s.name, i18n.language)}</PageHeading>
          {municipality.state.status === 'ready' && (
            <p className="muted">{localized(municipality.state.data.name, i18n.language)}</p>
          )}
          {s.law59 && <p>{t('intake.law59')}</p>}
          {s.publicVisibility.publicByDefault && <p className="notice">{t('intake.publicNotice')}</p>}
          {session.status === 'anonymous' && (
            <p className="notice">
              {t('intake.anonymousNotice')}{' '}
              <Link to="/login" state={{ from: location.pathname }}>
                {t('intake.logInToFollow')}
              </Link>
            </p>
          )}
          {session.status === 'loading' ? (
            <Loading />
          ) : sent ? (
            <AppealSubmitted
              municipality={slug}
              appeal={sent}
              signedIn={me !== null}
              onAnother={() => {
                setSent(null);
                setRound((r) => r + 1);
              }}
            />
          ) : (
            <IntakeForm
              key={round}
              municipality={slug}
              service={s}
              prefill={me ? { email: me.user.email, name: me.user.displayName } : {}}
              onSubmitted={onSubmitted}
            />
          )}
        </section>
      )}
    </Loaded>
  );
}
