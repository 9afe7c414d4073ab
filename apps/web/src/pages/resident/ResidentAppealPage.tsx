import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { myAppealPath, type ResidentAppeal } from '../../api/appeals.ts';
import type { HistoryEvent } from '../../api/documents.ts';
import { ActionCard } from '../../components/ActionCard.tsx';
import { DueDate } from '../../components/DueDate.tsx';
import { HistoryList } from '../../components/HistoryList.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDate, formatDateTime } from '../../i18n/dates.ts';
import { localized } from '../../i18n/localized.ts';
import { AnswerList } from './AnswerList.tsx';
import { RateAnswerForm } from './RateAnswerForm.tsx';
import { RejectAnswerForm } from './RejectAnswerForm.tsx';

/** Statuses after which the resident may judge the answer. */
const JUDGEABLE = new Set(['answered', 'fixed', 'unable_to_fix', 'not_responsible', 'closed']);

/** One of the resident's appeals: where it stands, the deadline, the answers to download, rating. */
export function ResidentAppealPage() {
  const { t, i18n } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const { state, reload } = useApiData<ResidentAppeal>(myAppealPath(slug, id));
  const history = useApiData<{ items: HistoryEvent[] }>(myAppealPath(slug, id, '/history'));
  const [message, setMessage] = useState('');
  const { reload: reloadHistory } = history;
  const onDone = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
      reloadHistory();
    },
    [reload, reloadHistory],
  );
  const lang = i18n.language;

  return (
    <Loaded state={state} onRetry={reload}>
      {(a) => {
        const judgeable = JUDGEABLE.has(a.status) && a.answers.length > 0;
        return (
          <div className="stack">
            <section className="card">
              <PageHeading>
                {a.regNumber
                  ? t('cabinet.appealNumber', { number: a.regNumber })
                  : t('cabinet.appealOf', { date: formatDate(a.receivedAt, lang) })}
              </PageHeading>
              <p className="role-status" role="status">
                {message}
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('case.facts.status')}</dt>
                  <dd>
                    <StatusBadge status={a.status} />
                  </dd>
                </div>
                <div>
                  <dt>{t('cabinet.col.where')}</dt>
                  <dd>
                    {localized(a.municipalityName, lang)}, {localized(a.serviceName, lang)}
                  </dd>
                </div>
                <div>
                  <dt>{t('case.facts.category')}</dt>
                  <dd>
                    {localized(a.category.title, lang)}
                    {a.theme ? ` — ${localized(a.theme.title, lang)}` : ''}
                  </dd>
                </div>
                <div>
                  <dt>{t('case.facts.received')}</dt>
                  <dd>{formatDateTime(a.receivedAt, lang)}</dd>
                </div>
                <div>
                  <dt>{a.answerDue ? t('case.facts.answerDue') : t('case.facts.registrationDue')}</dt>
                  <dd>
                    <DueDate due={a.answerDue ?? a.registrationDue} done={a.closedAt !== null} />
                    {a.extensions > 0 && <span className="muted"> {t('answer.extended')}</span>}
                  </dd>
                </div>
                {a.redirectedTo && (
                  <div>
                    <dt>{t('case.facts.redirectedTo')}</dt>
                    <dd>{a.redirectedTo}</dd>
                  </div>
                )}
              </dl>
              {a.specialHandling && <p className="notice">{t(`art11.${a.specialHandling}`)}</p>}
              <h2>{t('case.text')}</h2>
              <p className="case-text">{a.text}</p>
              {a.address && <p className="muted">{a.address}</p>}
            </section>

            <AnswerList appeal={a} />

            {judgeable && (
              <section className="card" aria-labelledby="feedback-title">
                <h2 id="feedback-title">{t('answer.feedback')}</h2>
                {a.rating !== null && <p>{t('answer.yourRating', { rating: a.rating })}</p>}
                <div className="actions">
                  <ActionCard title={t('answer.rate')} open={a.rating === null}>
                    <RateAnswerForm appeal={a} onDone={onDone} />
                  </ActionCard>
                  <ActionCard title={t('answer.reject')}>
                    <RejectAnswerForm appeal={a} onDone={onDone} />
                  </ActionCard>
                </div>
              </section>
            )}
            {a.rejectedAt && (
              <p className="notice">{t('answer.reopenedNotice', { date: formatDate(a.rejectedAt, lang) })}</p>
            )}

            {history.state.status === 'ready' && (
              <HistoryList
                events={history.state.data.items.map((e) => ({ ...e, actor: '' }))}
                title={t('answer.history')}
              />
            )}
            <p>
              <Link to="/cabinet">{t('answer.backToCabinet')}</Link>
            </p>
          </div>
        );
      }}
    </Loaded>
  );
}
