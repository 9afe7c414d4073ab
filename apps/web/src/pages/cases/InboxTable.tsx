import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItem } from '../../api/inbox.ts';
import { DueDate } from '../../components/DueDate.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { formatDateTime } from '../../i18n/dates.ts';
import { localized } from '../../i18n/localized.ts';

/** One page of cases: number (a link to the case), received, applicant, summary, status, due day. */
export function InboxTable({
  slug,
  items,
  caption,
}: {
  slug: string;
  items: readonly InboxItem[];
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <TableRegion label={caption}>
      <table className="table table-stack inbox-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inbox.col.number')}</th>
            <th scope="col">{t('inbox.col.received')}</th>
            <th scope="col">{t('inbox.col.applicant')}</th>
            <th scope="col">{t('inbox.col.summary')}</th>
            <th scope="col">{t('inbox.col.status')}</th>
            <th scope="col">{t('inbox.col.due')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className={c.overdue ? 'row-overdue' : undefined}>
              <th scope="row">
                <Link to={`/workspace/${slug}/documents/${c.id}`}>
                  {c.regNumber ?? t('inbox.unregistered')}
                </Link>
              </th>
              <td data-label={t('inbox.col.received')}>
                <time dateTime={c.receivedAt}>{formatDateTime(c.receivedAt, i18n.language, 'short')}</time>
              </td>
              <td data-label={t('inbox.col.applicant')}>
                {c.applicantName ?? <span className="muted">{t('inbox.noName')}</span>}
              </td>
              <td className="summary-cell" data-label={t('inbox.col.summary')}>
                <span className="muted">{localized(c.category.title, i18n.language)}. </span>
                <span className="excerpt">{c.excerpt}</span>
              </td>
              <td data-label={t('inbox.col.status')}>
                <StatusBadge status={c.status} />
              </td>
              <td data-label={t('inbox.col.due')}>
                <DueDate
                  due={c.registeredAt ? (c.noticeDue ?? c.answerDue) : c.registrationDue}
                  done={c.closedAt !== null}
                  compact
                />
                {c.executorName && <div className="muted">{c.executorName}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
