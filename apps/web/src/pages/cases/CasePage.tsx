import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { appealPath, type AppealDetail } from '../../api/appeals.ts';
import type { ServiceDetail } from '../../api/catalog.ts';
import { docPath, type DocumentWithHistory } from '../../api/documents.ts';
import type { WorkflowView } from '../../api/workflow.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';
import { RoutingSuggestions } from '../routing/RoutingSuggestions.tsx';
import { CaseKnowledge } from '../search/CaseKnowledge.tsx';
import { SectionPage } from '../workspace/SectionPage.tsx';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { AppealFacts } from './AppealFacts.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseDocuments } from './CaseDocuments.tsx';
import { CaseHistory } from './CaseHistory.tsx';
import { DocumentFacts } from './DocumentFacts.tsx';
import { ResolutionsPanel } from './ResolutionsPanel.tsx';

/** One case: its requisites and text, what the member may do now, the answers, the whole history. */
function Case({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { municipality } = useWorkspace();
  const slug = municipality.slug;
  const doc = useApiData<DocumentWithHistory>(docPath(slug, id));
  const kind = doc.state.status === 'ready' ? doc.state.data.document.kind : null;
  const appeal = useApiData<AppealDetail>(kind === 'appeal' ? appealPath(slug, id) : null);
  const serviceSlug = appeal.state.status === 'ready' ? appeal.state.data.appeal.service.slug : null;
  const service = useApiData<ServiceDetail>(
    serviceSlug ? `/api/m/${encodeURIComponent(slug)}/services/${encodeURIComponent(serviceSlug)}` : null,
  );
  const workflow = useApiData<WorkflowView>(docPath(slug, id, '/workflow'));
  const [message, setMessage] = useState('');
  const themeTitle = (code: string | null) => {
    const themes =
      service.state.status === 'ready' ? service.state.data.categories.flatMap((c) => c.themes) : [];
    // The appeal's own theme has its title even when the service's catalogue lacks it (imports).
    const own = appeal.state.status === 'ready' ? appeal.state.data.appeal.theme : null;
    const found = code
      ? (themes.find((x) => x.code === code) ?? (own?.code === code ? own : undefined))
      : undefined;
    return found ? localized(found.title, i18n.language) : (code ?? t('case.register.noTheme'));
  };
  const [round, setRound] = useState(0);
  const { reload: reloadDoc } = doc;
  const { reload: reloadAppeal } = appeal;
  const { reload: reloadWorkflow } = workflow;
  const onDone = useCallback(
    (text: string) => {
      setMessage(text);
      setRound((r) => r + 1);
      reloadDoc();
      reloadAppeal();
      reloadWorkflow();
    },
    [reloadDoc, reloadAppeal, reloadWorkflow],
  );

  return (
    <Loaded state={doc.state} onRetry={doc.reload}>
      {({ document, history, children }) => {
        const a = kind === 'appeal' && appeal.state.status === 'ready' ? appeal.state.data.appeal : null;
        const w = workflow.state.status === 'ready' ? workflow.state.data : null;
        const title = document.regNumber
          ? t('case.titleNumber', { number: document.regNumber })
          : t(`case.kind.${document.kind}`, { defaultValue: document.title });
        return (
          <div className="stack">
            <section className="card">
              <PageHeading>{title}</PageHeading>
              <p className="role-status" role="status">
                {message}
              </p>
              {a ? <AppealFacts appeal={a} /> : <DocumentFacts document={document} />}
              <h2>{t('case.text')}</h2>
              <p className="case-text">{a?.text ?? document.body}</p>
              {a && a.questions.length > 0 && (
                <>
                  <h2>{t('case.questions')}</h2>
                  <ol className="questions-list">
                    {a.questions.map((q) => (
                      <li key={q.n}>
                        {q.text}
                        <span className="muted">
                          {' '}
                          ({themeTitle(q.themeCode)}; {t(`case.repetition.${q.repetition}`)})
                        </span>
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </section>
            {kind === 'appeal' && appeal.state.status !== 'ready' ? (
              <Loaded state={appeal.state} onRetry={appeal.reload}>
                {() => null}
              </Loaded>
            ) : (
              <CaseActions
                slug={slug}
                abilities={municipality.abilities}
                document={document}
                appeal={a}
                service={service.state.status === 'ready' ? service.state.data : null}
                can={w?.can ?? null}
                activeDue={w?.resolutions.find((r) => r.status === 'active')?.dueDate ?? null}
                hasDraft={children.some((c) => c.direction === 'outgoing' && c.status !== 'dispatched')}
                onDone={onDone}
              />
            )}
            {a && (
              <RoutingSuggestions
                key={`r${round}`}
                slug={slug}
                appeal={a}
                abilities={municipality.abilities}
                onDone={onDone}
              />
            )}
            {w && <ResolutionsPanel resolutions={w.resolutions} />}
            <AttachmentList key={round} slug={slug} documentId={document.id} />
            <CaseDocuments key={`d${round}`} slug={slug} documents={children} onDone={onDone} />
            <CaseKnowledge
              key={`k${round}`}
              slug={slug}
              documentId={document.id}
              appeal={a}
              abilities={municipality.abilities}
              onDone={onDone}
            />
            <CaseHistory
              key={`h${round}`}
              slug={slug}
              history={history}
              documents={children.filter((c) => c.direction === 'outgoing')}
            />
            <p>
              <Link to={`/workspace/${slug}/inbox`}>{t('case.backToInbox')}</Link>
            </p>
          </div>
        );
      }}
    </Loaded>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { municipality } = useWorkspace();
  if (!municipality.abilities.includes('document.view'))
    return (
      <SectionPage title={t('workspace.inbox')} permission="document.view">
        {() => null}
      </SectionPage>
    );
  return <Case key={id} id={id} />;
}
