import { useTranslation } from 'react-i18next';
import type { AppealView } from '../../api/appeals.ts';
import type { ServiceDetail } from '../../api/catalog.ts';
import type { DocumentInfo } from '../../api/documents.ts';
import { ActionCard } from '../../components/ActionCard.tsx';
import { ExtendForm } from './actions/ExtendForm.tsx';
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
  onDone,
}: {
  slug: string;
  abilities: readonly string[];
  document: DocumentInfo;
  appeal: AppealView | null;
  service: ServiceDetail | null;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const can = (p: string) => abilities.includes(p);
  const closed = appeal ? appeal.closedAt !== null : document.status === 'closed' || document.status === 'done';
  const received = document.status === 'received';
  const registered = !received && !closed;
  const law59 = appeal?.service.law59 ?? false;
  const cards = [];

  if (appeal && service && received && can('document.register'))
    cards.push(
      <ActionCard key="register" title={t('case.register.title')} open>
        <RegisterAppealForm slug={slug} appeal={appeal} service={service} onDone={onDone} />
      </ActionCard>,
    );
  if (registered && can('document.resolve'))
    cards.push(
      <ActionCard
        key="resolution"
        title={document.status === 'registered' ? t('case.resolution.title') : t('case.resolution.reassign')}
        open={document.status === 'registered'}
      >
        <ResolutionForm slug={slug} documentId={document.id} legalDue={appeal?.answerDue ?? document.dueDate} onDone={onDone} />
      </ActionCard>,
    );
  if (appeal && registered && law59 && appeal.extensions === 0 && can('document.resolve'))
    cards.push(
      <ActionCard key="extend" title={t('case.extend.title')}>
        <ExtendForm slug={slug} appealId={appeal.id} onDone={onDone} />
      </ActionCard>,
    );
  if (appeal && registered && can('document.register'))
    cards.push(
      <ActionCard key="redirect" title={t('case.redirect.title')}>
        <RedirectForm slug={slug} appealId={appeal.id} onDone={onDone} />
      </ActionCard>,
    );
  if (appeal && registered && law59 && !appeal.specialHandling && can('document.resolve'))
    cards.push(
      <ActionCard key="handling" title={t('case.handling.title')}>
        <SpecialHandlingForm slug={slug} appealId={appeal.id} onDone={onDone} />
      </ActionCard>,
    );
  if (appeal && !received && can('appeal.status'))
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
