import { useTranslation } from 'react-i18next';
import type { Department, Items } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localizedName, sortByText } from '../../i18n/localized.ts';
import { SectionPage } from './SectionPage.tsx';
import { useWorkspace } from './workspace-context.ts';

function DepartmentsTable({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<Items<Department>>(`/api/m/${slug}/departments`);
  return (
    <Loaded state={state} onRetry={reload}>
      {({ items }) => {
        const byId = new Map(items.map((d) => [d.id, d]));
        if (items.length === 0) return <p>{t('workspace.empty')}</p>;
        return (
          <TableRegion label={t('departments.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('departments.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('departments.name')}</th>
                  <th scope="col">{t('departments.code')}</th>
                  <th scope="col">{t('departments.parent')}</th>
                </tr>
              </thead>
              <tbody>
                {sortByText(items, (d) => localizedName(d, i18n.language), i18n.language).map((d) => {
                  const parent = d.parentId ? byId.get(d.parentId) : undefined;
                  return (
                    <tr key={d.id}>
                      <th scope="row">{localizedName(d, i18n.language)}</th>
                      <td>{d.code ?? '—'}</td>
                      <td>{parent ? localizedName(parent, i18n.language) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        );
      }}
    </Loaded>
  );
}

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  return (
    <SectionPage title={t('workspace.departments')} permission="department.view">
      {() => <DepartmentsTable slug={municipality.slug} />}
    </SectionPage>
  );
}
