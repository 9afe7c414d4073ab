import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../api/documents.ts';
import { DueDate } from '../../components/DueDate.tsx';
import { formatDate, formatDateTime } from '../../i18n/dates.ts';

/** Requisites of a document that is not an appeal: an order, an inter-agency request, a signal. */
export function DocumentFacts({ document: d }: { document: DocumentInfo }) {
  const { t, i18n } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('case.facts.kind'), t(`case.kind.${d.kind}`, { defaultValue: d.kind })],
    [t('case.facts.number'), d.regNumber ?? t('inbox.unregistered')],
    [t('case.facts.docStatus'), t(`docStatus.${d.status}`, { defaultValue: d.status })],
    [t('case.facts.received'), formatDateTime(d.createdAt, i18n.language)],
  ];
  if (d.regDate) rows.push([t('case.facts.regDate'), formatDate(d.regDate, i18n.language)]);
  if (d.authorOrg || d.authorName)
    rows.push([t('case.facts.author'), [d.authorOrg, d.authorName].filter(Boolean).join(', ')]);
  if (d.dueDate)
    rows.push([t('case.facts.answerDue'), <DueDate key="d" due={d.dueDate} done={d.status === 'closed'} />]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
