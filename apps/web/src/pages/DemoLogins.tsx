import { useTranslation } from 'react-i18next';
import type { DemoInfo, DemoLogin, Items, Municipality } from '../api/types.ts';
import { Loaded } from '../components/Loaded.tsx';
import { TableRegion } from '../components/TableRegion.tsx';
import { useApiData } from '../hooks/use-api-data.ts';
import { localized } from '../i18n/localized.ts';

/** The demo logins table (only when demo data is loaded); each row's button fills the login form. */
export function DemoLogins({ onPick }: { onPick: (login: DemoLogin, password: string) => void }) {
  const { t, i18n } = useTranslation();
  const demo = useApiData<DemoInfo>('/api/demo');
  const municipalities = useApiData<Items<Municipality>>('/api/municipalities');
  if (demo.state.status === 'ready' && !demo.state.data.enabled) return null;

  const municipalityName = (slug: string | null) => {
    if (slug === null) return '—';
    const items = municipalities.state.status === 'ready' ? municipalities.state.data.items : [];
    const m = items.find((x) => x.slug === slug);
    return m ? localized(m.name, i18n.language) : slug;
  };
  const roleName = (l: DemoLogin) =>
    l.role ? t(`roles.${l.role}`, { defaultValue: l.role }) : t(`kinds.${l.kind}`);

  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('demo.title')}</h2>
      <Loaded state={demo.state} onRetry={demo.reload}>
        {(info) => (
          <>
            <p>
              {t('demo.intro')} <code className="demo-password">{info.password}</code>
            </p>
            <TableRegion label={t('demo.caption')}>
              <table className="table table-stack">
                <caption className="visually-hidden">{t('demo.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('demo.colName')}</th>
                    <th scope="col">{t('demo.colRole')}</th>
                    <th scope="col">{t('demo.colMunicipality')}</th>
                    <th scope="col">{t('demo.colEmail')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('demo.colAction')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {info.logins.map((l) => (
                    <tr key={l.email}>
                      <th scope="row">{l.name}</th>
                      <td data-label={t('demo.colRole')}>{roleName(l)}</td>
                      <td data-label={t('demo.colMunicipality')}>{municipalityName(l.municipality)}</td>
                      <td data-label={t('demo.colEmail')}>
                        <code>{l.email}</code>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('demo.useLabel', { email: l.email })}
                          onClick={() => onPick(l, info.password ?? '')}
                        >
                          {t('demo.use')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </Loaded>
    </section>
  );
}
