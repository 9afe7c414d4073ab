import { useTranslation } from 'react-i18next';
import type { AppealView } from '../../api/appeals.ts';
import type { ServiceDetail } from '../../api/catalog.ts';
import type { DocumentInfo } from '../../api/documents.ts';
import type { WorkflowCan } from '../../api/workflow.ts';
import { ActionCard } from '../../components/ActionCard.tsx';
import { CompleteAssignmentForm } from './actions/CompleteAssignmentForm.tsx';
import { DraftAnswerForm } from './actions/DraftAnswerForm.tsx';
import { ExtendForm } from './actions/ExtendForm.tsx';
import { MoveDueDateForm } from './actions/MoveDueDateForm.tsx';
import { RedirectForm } from './actions/RedirectForm.tsx';
import { RegisterAppealForm } from './actions/RegisterAppealForm.tsx';
import { ResolutionForm } from './actions/ResolutionForm.tsx';
import { SpecialHandlingForm } from './actions/SpecialHandlingForm.tsx';
import { StatusForm } from './actions/StatusForm.tsx';

/**
 * What the member may do with this case now, by their abilities and the case's state. The next
 * step of the workflow is open; the rest are disclosures.
 */
export function CaseActions({
  slug,
  abilities,
  document,
  appeal,
  service,
  can,
  activeDue,
  hasDraft,
  onDone,
}: {
  slug: string;
  abilities: readonly string[];
  document: DocumentInfo;
  appeal: AppealView | null;
  service: ServiceDetail | null;
  /** What the workflow lets the member do with this document now. */
  can: WorkflowCan | null;
  /** The due date of the active resolution, when there is one (the head may move it). */
  activeDue: string | null;
  /** An answer is already being drafted (a second one waits until it is done). */
  hasDraft: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const has = (p: string) => abilities.includes(p);
  const closed = appeal
    ? appeal.closedAt !== null
    : document.status === 'closed' || document.status === 'done';
  const received = document.status === 'received';
  const registered = !received && !closed;
  const law59 = appeal?.service.law59 ?? false;
  const cards = [];

  if (appeal && service && received && has('document.register'))
    cards.push(
      <ActionCard key="register" title={t('case.register.title')} open>
        <RegisterAppealForm slug={slug} appeal={appeal} service={service} onDone={onDone} />
      </ActionCard>,
    );
  if (can?.resolve ?? (registered && has('document.resolve')))
    cards.push(
      <ActionCard
        key="resolution"
        title={document.status === 'registered' ? t('case.resolution.title') : t('case.resolution.reassign')}
        open={document.status === 'registered'}
      >
        <ResolutionForm
          slug={slug}
          documentId={document.id}
          legalDue={appeal?.answerDue ?? document.dueDate}
          onDone={onDone}
        />
      </ActionCard>,
    );
  if (activeDue && can?.resolve)
    cards.push(
      <ActionCard key="due" title={t('case.moveDue.title')}>
        <MoveDueDateForm
          slug={slug}
          documentId={document.id}
          current={activeDue}
          legalDue={appeal?.answerDue ?? document.dueDate}
          onDone={onDone}
        />
      </ActionCard>,
    );
  if (can?.completeAssignmentId)
    cards.push(
      <ActionCard key="complete" title={t('case.complete.title')}>
        <CompleteAssignmentForm slug={slug} assignmentId={can.completeAssignmentId} onDone={onDone} />
      </ActionCard>,
    );
  if (can?.draftAnswer && !hasDraft && service?.templates?.length)
    cards.push(
      <ActionCard key="draft" title={t('case.draft.title')} open>
        <DraftAnswerForm
          slug={slug}
          incomingId={document.id}
          serviceSlug={appeal?.service.slug ?? null}
          templates={service.templates}
          onDone={onDone}
        />
      </ActionCard>,
    );
  if (appeal && registered && law59 && appeal.extensions === 0 && has('document.resolve'))
    cards.push(
      <ActionCard key="extend" title={t('case.extend.title')}>
        <ExtendForm slug={slug} appealId={appeal.id} onDone={onDone} />
      </ActionCard>,
    );
  if (appeal && registered && has('document.register'))
    cards.push(
      <ActionCard key="redirect" title={t('case.redirect.title')}>
        <RedirectForm slug={slug} appealId={appeal.id} onDone={onDone} />
      </ActionCard>,
    );
  if (appeal && registered && law59 && !appeal.specialHandling && has('document.resolve'))
    cards.push(
      <ActionCard key="handling" title={t('case.handling.title')}>
        <SpecialHandlingForm slug={slug} appealId={appeal.id} onDone={onDone} />
      </ActionCard>,
    );
  if (appeal && !received && has('appeal.status'))
    cards.push(
      <ActionCard key="status" title={t('case.status.title')}>
        <StatusForm slug={slug} appealId={appeal.id} onDone={onDone} />
      </ActionCard>,
    );

  if (cards.length === 0) return null;
  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('case.actions')}</h2>
      <div className="actions">{cards}</div>
    </section>
  );
}
