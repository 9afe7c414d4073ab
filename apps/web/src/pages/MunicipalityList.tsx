import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Items, Municipality, Region } from '../api/types.ts';
import { Loaded } from '../components/Loaded.tsx';
import { useApiData } from '../hooks/use-api-data.ts';
import { localized } from '../i18n/localized.ts';

/** The municipalities of this installation with their regions (public). */
export function MunicipalityList() {
  const { t, i18n } = useTranslation();
  const municipalities = useApiData<Items<Municipality>>('/api/municipalities');
  const regions = useApiData<Items<Region>>('/api/regions');
  const regionName = (slug: string) => {
    const r =
      regions.state.status === 'ready' ? regions.state.data.items.find((x) => x.slug === slug) : undefined;
    return r ? localized(r.name, i18n.language) : slug;
  };
  return (
    <section className="card" aria-labelledby="municipalities-title">
      <h2 id="municipalities-title">{t('start.municipalities')}</h2>
      <Loaded state={municipalities.state} onRetry={municipalities.reload}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('start.noMunicipalities')}</p>
          ) : (
            <ul className="municipality-list">
              {data.items.map((m) => (
                <li key={m.slug}>
                  <span className="municipality-name">{localized(m.name, i18n.language)}</span>
                  <span className="muted">{t('start.region', { region: regionName(m.regionSlug) })}</span>
                  <span className="municipality-links">
                    <Link
                      to={`/services?m=${m.slug}`}
                      aria-label={t('start.writeLabel', { name: localized(m.name, i18n.language) })}
                    >
                      {t('start.write')}
                    </Link>
                    <Link
                      to={`/m/${m.slug}/reports`}
                      aria-label={t('start.mapLabel', { name: localized(m.name, i18n.language) })}
                    >
                      {t('start.map')}
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
