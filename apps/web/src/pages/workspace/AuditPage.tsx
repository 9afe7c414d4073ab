import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  AUDIT_PAGE_SIZE,
  auditApiPath,
  auditObjectPath,
  auditSearch,
  readAuditQuery,
  type AuditQuery,
} from '../../api/audit.ts';
import type { AuditRecord, Items } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDateTime } from '../../i18n/dates.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { actionLabel, actorLabel, entityLabel } from './audit-labels.ts';
import { SectionPage } from './SectionPage.tsx';
import { useWorkspace } from './workspace-context.ts';

function AuditRow({ slug, r }: { slug: string; r: AuditRecord }) {
  const { i18n } = useTranslation();
  const entity = entityLabel(i18n, r.entity);
  const object = r.entityId ? `${entity} · ${r.entityId.slice(0, 8)}` : entity;
  const href = auditObjectPath(slug, r.entity, r.entityId);
  const action = actionLabel(i18n, r.action);
  return (
    <tr>
      <td>
        <time dateTime={r.occurredAt}>{formatDateTime(r.occurredAt, i18n.language, 'short')}</time>
      </td>
      <td>{action === r.action ? <code>{r.action}</code> : <span title={r.action}>{action}</span>}</td>
      <td>{href ? <Link to={href}>{object}</Link> : object}</td>
      <td title={r.actor}>{actorLabel(i18n, r)}</td>
    </tr>
  );
}

function AuditPager({ query, hasOlder }: { query: AuditQuery; hasOlder: boolean }) {
  const { t } = useTranslation();
  if (query.page === 1 && !hasOlder) return null;
  const href = (page: number) => `?${auditSearch({ ...query, page }).toString()}`;
  return (
    <nav className="pagination" aria-label={t('audit.pages')}>
      <ul>
        <li>
          {query.page > 1 ? (
            <Link to={href(query.page - 1)} rel="prev">
              {t('audit.newer')}
            </Link>
          ) : (
            <span className="muted">{t('audit.newer')}</span>
          )}
        </li>
        <li>
          {hasOlder ? (
            <Link to={href(query.page + 1)} rel="next">
              {t('audit.older')}
            </Link>
          ) : (
            <span className="muted">{t('audit.older')}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}

/** The audit log for people: newest first, actions and actors in words, objects as links. */
function AuditLog({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = readAuditQuery(params);
  const { state, reload } = useApiData<Items<AuditRecord>>(auditApiPath(slug, query));
  const filtered = Boolean(query.action || query.actor || query.from || query.to);
  return (
    <>
      <AuditFilters
        key={params.toString()}
        query={query}
        onApply={(q) => void navigate(`?${auditSearch(q).toString()}`)}
      />
      <Loaded state={state} onRetry={reload}>
        {({ items }) => (
          <>
            {items.length === 0 ? (
              <p role="status">{filtered ? t('audit.emptyFiltered') : t('workspace.empty')}</p>
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
                    {items.slice(0, AUDIT_PAGE_SIZE).map((r) => (
                      <AuditRow key={String(r.seq)} slug={slug} r={r} />
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
            <AuditPager query={query} hasOlder={items.length > AUDIT_PAGE_SIZE} />
          </>
        )}
      </Loaded>
    </>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  return (
    <SectionPage title={t('workspace.audit')} permission="audit.view">
      {() => <AuditLog slug={municipality.slug} />}
    </SectionPage>
  );
}
