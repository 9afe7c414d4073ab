import { useTranslation } from 'react-i18next';
import type { AuditRecord, Items } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { SectionPage } from './SectionPage.tsx';
import { useWorkspace } from './workspace-context.ts';

function AuditTable({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiData<Items<AuditRecord>>(`/api/m/${slug}/audit?limit=50`);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Loaded state={state} onRetry={reload}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t('workspace.empty')}</p>
        ) : (
          <TableRegion label={t('audit.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={String(r.seq)}>
                    <td>
                      <time dateTime={r.occurredAt}>{time.format(new Date(r.occurredAt))}</time>
                    </td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td>{r.entityId ? `${r.entity} · ${r.entityId.slice(0, 8)}` : r.entity}</td>
                    <td>{r.actor}</td>
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

export function AuditPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  return (
    <SectionPage title={t('workspace.audit')} permission="audit.view">
      {() => <AuditTable slug={municipality.slug} />}
    </SectionPage>
  );
}
