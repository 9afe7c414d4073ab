import { useTranslation } from 'react-i18next';
import type { Items, Localized, Role } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized, localizedName } from '../../i18n/localized.ts';
import { SectionPage } from './SectionPage.tsx';
import { useWorkspace } from './workspace-context.ts';

interface Permission {
  key: string;
  label: Localized;
}

function RolesTable({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<Items<Role>>(`/api/m/${slug}/roles`);
  // The registry's ru/en labels: a permission is named in words, its key stays as a hint.
  const registry = useApiData<Items<Permission>>('/api/permissions');
  const labels = new Map(
    registry.state.status === 'ready' ? registry.state.data.items.map((p) => [p.key, p.label]) : [],
  );
  const label = (key: string) => {
    const l = labels.get(key);
    return l ? localized(l, i18n.language) : key;
  };
  return (
    <Loaded state={state} onRetry={reload}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t('workspace.empty')}</p>
        ) : (
          <TableRegion label={t('rolesPage.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('rolesPage.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rolesPage.name')}</th>
                  <th scope="col">{t('rolesPage.key')}</th>
                  <th scope="col">{t('rolesPage.permissions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{localizedName(r, i18n.language)}</th>
                    <td>
                      <code>{r.key}</code>
                    </td>
                    <td>
                      <ul className="permission-list">
                        {[...r.permissions]
                          .sort((a, b) => label(a).localeCompare(label(b), i18n.language))
                          .map((p) => (
                            <li key={p} title={p}>
                              {label(p)}
                            </li>
                          ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )
      }
    </Loaded>
  );
}

export function RolesPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  return (
    <SectionPage title={t('workspace.roles')} permission="role.view">
      {() => <RolesTable slug={municipality.slug} />}
    </SectionPage>
  );
}
