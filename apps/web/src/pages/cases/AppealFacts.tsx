import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealView } from '../../api/appeals.ts';
import { DueDate } from '../../components/DueDate.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../i18n/dates.ts';
import { localized } from '../../i18n/localized.ts';

/** The requisites of an appeal: number, dates, service, category, status, deadlines, applicant, place. */
export function AppealFacts({ appeal }: { appeal: AppealView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const closed = appeal.closedAt !== null;
  const a = appeal.applicant;
  const rows: [string, ReactNode][] = [
    [t('case.facts.number'), appeal.regNumber ?? t('inbox.unregistered')],
    [t('case.facts.status'), <StatusBadge key="s" status={appeal.status} />],
    [t('case.facts.received'), formatDateTime(appeal.receivedAt, lang)],
    [t('case.facts.service'), localized(appeal.service.name, lang)],
    [
      t('case.facts.category'),
      `${localized(appeal.category.title, lang)}${appeal.theme ? ` — ${localized(appeal.theme.title, lang)}` : ''}`,
    ],
    [t('case.facts.channel'), t(`channels.${appeal.sourceChannel}`, { defaultValue: appeal.sourceChannel })],
  ];
  if (!appeal.registeredAt)
    rows.push([
      t('case.facts.registrationDue'),
      <DueDate key="r" due={appeal.registrationDue} done={closed} />,
    ]);
  if (appeal.answerDue)
    rows.push([
      t('case.facts.answerDue'),
      <span key="a">
        <DueDate due={appeal.answerDue} done={closed} />
        {appeal.extensions > 0 && (
          <span className="muted"> {t('case.facts.extended', { reason: appeal.extensionReason ?? '' })}</span>
        )}
      </span>,
    ]);
  if (appeal.noticeDue)
    rows.push([t('case.facts.noticeDue'), <DueDate key="n" due={appeal.noticeDue} done={closed} />]);
  rows.push([
    t('case.facts.applicant'),
    <span key="ap" className="applicant">
      {a.name ?? t('inbox.noName')}
      {a.email && <span>{a.email}</span>}
      {a.phone && <span>{a.phone}</span>}
      {a.postalAddress && <span>{a.postalAddress}</span>}
    </span>,
  ]);
  if (appeal.address || appeal.location)
    rows.push([
      t('case.facts.place'),
      [
        appeal.address,
        appeal.location ? `${appeal.location.lat.toFixed(6)}, ${appeal.location.lon.toFixed(6)}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  if (appeal.specialHandling)
    rows.push([
      t('case.facts.handling'),
      `${t(`art11.${appeal.specialHandling.code}`)} (${appeal.specialHandling.source})${appeal.specialHandling.note ? `: ${appeal.specialHandling.note}` : ''}`,
    ]);
  if (appeal.redirectedTo) rows.push([t('case.facts.redirectedTo'), appeal.redirectedTo]);
  if (appeal.rating !== null)
    rows.push([
      t('case.facts.rating'),
      `${appeal.rating}/5${appeal.ratingComment ? ` — ${appeal.ratingComment}` : ''}`,
    ]);
  if (appeal.rejectedAt)
    rows.push([
      t('case.facts.rejected'),
      `${formatDateTime(appeal.rejectedAt, lang)} — ${appeal.rejectionComment ?? ''}`,
    ]);

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
