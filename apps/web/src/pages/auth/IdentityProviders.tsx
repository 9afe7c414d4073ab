import { useTranslation } from 'react-i18next';
import type { IdentityProviderInfo, Items } from '../../api/types.ts';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';
import { providerStartHref } from './external-login.ts';

/**
 * One link per configured identity provider (ESIA-style, OIDC); nothing at all when none is
 * configured or the list cannot be read (the password form still works).
 */
export function IdentityProviders({ returnTo }: { returnTo: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { state } = useApiData<Items<IdentityProviderInfo>>('/api/auth/providers');
  if (state.status !== 'ready' || state.data.items.length === 0) return null;
  return (
    <section className="providers" aria-labelledby="providers-title">
      <h2 id="providers-title">{t('providers.title')}</h2>
      <ul className="provider-list">
        {state.data.items.map((p) => (
          <li key={p.name}>
            {/* A real navigation: the server redirects to the provider. */}
            <a className="button button-secondary" href={providerStartHref(p.startUrl, returnTo)}>
              {localized(p.label, i18n.language)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
