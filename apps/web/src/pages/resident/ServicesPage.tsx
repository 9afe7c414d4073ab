import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ServiceInstance } from '../../api/catalog.ts';
import type { Items, Localized, Municipality } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';

interface PackageInfo {
  slug: string;
  description: Localized;
}

/** The services a municipality offers, each opening its intake form; package descriptions under the names. */
function ServiceList({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const services = useApiData<Items<ServiceInstance>>(`/api/m/${encodeURIComponent(slug)}/services`);
  const packages = useApiData<Items<PackageInfo>>('/api/services');
  const describe = (packageSlug: string) => {
    const p =
      packages.state.status === 'ready'
        ? packages.state.data.items.find((x) => x.slug === packageSlug)
        : undefined;
    return p ? localized(p.description, i18n.language) : '';
  };
  return (
    <Loaded state={services.state} onRetry={services.reload}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t('services.none')}</p>
        ) : (
          <ul className="service-list">
            {items.map((s) => (
              <li key={s.slug}>
                <h3>
                  <Link to={`/m/${slug}/write/${s.slug}`}>{localized(s.name, i18n.language)}</Link>
                </h3>
                <p className="muted">{describe(s.packageSlug)}</p>
              </li>
            ))}
          </ul>
        )
      }
    </Loaded>
  );
}

/**
 * "Write to the administration": choose the municipality (applied on submit, not on change), then
 * one of its services. The public map of reports is linked for the chosen municipality.
 */
export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const municipalities = useApiData<Items<Municipality>>('/api/municipalities');
  const current = params.get('m') ?? '';
  const [chosen, setChosen] = useState(current);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (chosen) setParams({ m: chosen });
  };

  return (
    <div className="stack">
      <section className="card">
        <PageHeading>{t('services.title')}</PageHeading>
        <p>{t('services.intro')}</p>
        <Loaded state={municipalities.state} onRetry={municipalities.reload}>
          {({ items }) => (
            <form className="switcher" onSubmit={onSubmit}>
              <label htmlFor="services-municipality">{t('services.municipality')}</label>
              <select id="services-municipality" value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">{t('intake.choose')}</option>
                {items.map((m) => (
                  <option key={m.slug} value={m.slug}>
                    {localized(m.name, i18n.language)}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button-secondary button-small">
                {t('services.show')}
              </button>
            </form>
          )}
        </Loaded>
      </section>
      {current && (
        <section className="card" aria-labelledby="services-list-title">
          <h2 id="services-list-title">{t('services.listTitle')}</h2>
          <ServiceList slug={current} />
          <p>
            <Link to={`/m/${current}/reports`}>{t('services.reportsMap')}</Link>
          </p>
        </section>
      )}
    </div>
  );
}
