import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Items, Me, Municipality, Region } from '../api/types.ts';
import { Loaded } from '../components/Loaded.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TableRegion } from '../components/TableRegion.tsx';
import { useApiData } from '../hooks/use-api-data.ts';
import { localized } from '../i18n/localized.ts';
import { DevTools } from './dev/DevTools.tsx';
import { NewMunicipalityForm } from './overview/NewMunicipalityForm.tsx';
import { TimeZoneForm } from './overview/TimeZoneForm.tsx';

/**
 * The operator's and the regional curator's view: every municipality, each opening its workspace,
 * and the working calendar. Operators also change a municipality's time zone and create
 * municipalities; in development mode they find the mail outbox here.
 */
export function OverviewPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const operator = me.user.kind === 'operator';
  const municipalities = useApiData<Items<Municipality>>('/api/municipalities');
  const regions = useApiData<Items<Region>>('/api/regions');
  const [message, setMessage] = useState('');
  const status = useRef<HTMLParagraphElement>(null);
  const { reload } = municipalities;
  // The list reloads and the control that was used goes away for a moment: focus the news instead.
  const onChanged = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
      status.current?.focus();
    },
    [reload],
  );
  const regionName = (slug: string) => {
    const r =
      regions.state.status === 'ready' ? regions.state.data.items.find((x) => x.slug === slug) : undefined;
    return r ? localized(r.name, i18n.language) : slug;
  };
  return (
    <div className="stack">
      <section className="card">
        <PageHeading>{t('overview.title')}</PageHeading>
        <p>{t('overview.intro')}</p>
        <p>
          <Link to="/overview/calendar">{t('calendar.open')}</Link>
        </p>
        {regions.state.status === 'ready' && (
          <ul className="inline-list" aria-label={t('analytics.rollup')}>
            {regions.state.data.items.map((r) => (
              <li key={r.slug}>
                <Link to={`/overview/regions/${r.slug}`}>
                  {t('analytics.openRollup')}: {localized(r.name, i18n.language)}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="role-status" role="status" ref={status} tabIndex={-1}>
          {message}
        </p>
        <Loaded state={municipalities.state} onRetry={reload}>
          {({ items }) => (
            <TableRegion label={t('overview.caption')}>
              <table className="table">
                <caption className="visually-hidden">{t('overview.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.name')}</th>
                    <th scope="col">{t('overview.region')}</th>
                    <th scope="col">{t('municipalityAdmin.timeZone')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('overview.open')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((m) => {
                    const name = localized(m.name, i18n.language);
                    return (
                      <tr key={m.slug}>
                        <th scope="row">{name}</th>
                        <td>{regionName(m.regionSlug)}</td>
                        <td>
                          {operator ? (
                            <TimeZoneForm
                              key={m.timeZone}
                              slug={m.slug}
                              name={name}
                              current={m.timeZone}
                              onChanged={onChanged}
                            />
                          ) : (
                            m.timeZone
                          )}
                        </td>
                        <td>
                          <Link to={`/workspace/${m.slug}`} aria-label={t('overview.openLabel', { name })}>
                            {t('overview.open')}
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
          )}
        </Loaded>
      </section>
      {operator && regions.state.status === 'ready' && (
        <section className="card">
          <NewMunicipalityForm regions={regions.state.data.items} onCreated={onChanged} />
        </section>
      )}
      {/* Only operators may have the development tools: nobody else asks (and logs a 403). */}
      {operator && <DevTools />}
    </div>
  );
}
