import { useTranslation } from 'react-i18next';
import type { Items, Member } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { sortByText } from '../../i18n/localized.ts';
import { SectionPage } from './SectionPage.tsx';
import { useWorkspace } from './workspace-context.ts';

function MembersTable({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<Items<Member>>(`/api/m/${slug}/members`);
  return (
    <Loaded state={state} onRetry={reload}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t('workspace.empty')}</p>
        ) : (
          <TableRegion label={t('members.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('members.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.name')}</th>
                  <th scope="col">{t('members.email')}</th>
                  <th scope="col">{t('members.roles')}</th>
                </tr>
              </thead>
              <tbody>
                {sortByText(items, (m) => m.displayName, i18n.language).map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">{m.displayName}</th>
                    <td>{m.email}</td>
                    <td>{m.roleKeys.map((k) => t(`roles.${k}`, { defaultValue: k })).join(', ') || '—'}</td>
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

export function MembersPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  return (
    <SectionPage title={t('workspace.members')} permission="member.view">
      {() => <MembersTable slug={municipality.slug} />}
    </SectionPage>
  );
}
