import { useTranslation } from 'react-i18next';
import { docPath, type DocumentInfo } from '../../api/documents.ts';
import type { WorkflowView } from '../../api/workflow.ts';
import { ActionCard } from '../../components/ActionCard.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { DecisionForm } from './actions/DecisionForm.tsx';
import { DispatchForm } from './actions/DispatchForm.tsx';
import { SaveVersionForm } from './actions/SaveVersionForm.tsx';
import { SendForApprovalForm } from './actions/SendForApprovalForm.tsx';
import { SignForm } from './actions/SignForm.tsx';
import { DraftRecord } from './DraftRecord.tsx';
import { PdfPreview } from './PdfPreview.tsx';

/**
 * One answer or notice to the case: its state, the latest version's PDF, versions, the approval
 * route, signature and dispatch — and the step the member may take now.
 */
export function DraftPanel({
  slug,
  draft,
  onDone,
}: {
  slug: string;
  draft: DocumentInfo;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { state, reload } = useApiData<WorkflowView>(docPath(slug, draft.id, '/workflow'));
  const title = draft.regNumber
    ? t('case.draft.numbered', { number: draft.regNumber })
    : t(`case.kind.${draft.kind}`, { defaultValue: draft.title });
  return (
    <li className="draft">
      <h3>
        {title}{' '}
        <span className="muted">— {t(`docStatus.${draft.status}`, { defaultValue: draft.status })}</span>
      </h3>
      <Loaded state={state} onRetry={reload}>
        {(w) => {
          const latest = w.versions.at(-1);
          return (
            <>
              {latest && <PdfPreview slug={slug} documentId={draft.id} version={latest.version} />}
              <div className="actions">
                {w.can.saveVersion && latest && (
                  <ActionCard title={t('case.draft.edit')} open={draft.status === 'returned'}>
                    <SaveVersionForm
                      key={latest.version}
                      slug={slug}
                      draftId={draft.id}
                      text={latest.body}
                      onDone={onDone}
                    />
                  </ActionCard>
                )}
                {w.can.sendForApproval && (
                  <ActionCard title={t('case.approval.title')} open>
                    <SendForApprovalForm slug={slug} draftId={draft.id} onDone={onDone} />
                  </ActionCard>
                )}
                {w.can.decide && (
                  <ActionCard title={t('case.approval.decide')} open>
                    <DecisionForm slug={slug} draftId={draft.id} onDone={onDone} />
                  </ActionCard>
                )}
                {w.can.sign && (
                  <ActionCard title={t('case.sign.title')} open>
                    <SignForm slug={slug} draftId={draft.id} onDone={onDone} />
                  </ActionCard>
                )}
                {w.can.dispatch && (
                  <ActionCard title={t('case.dispatch.title')} open>
                    <DispatchForm slug={slug} draftId={draft.id} onDone={onDone} />
                  </ActionCard>
                )}
                {w.can.print && (
                  <p>
                    <a href={docPath(slug, draft.id, '/print')} target="_blank" rel="noopener">
                      {t('case.dispatch.print')}
                    </a>
                  </p>
                )}
              </div>
              <DraftRecord slug={slug} draftId={draft.id} workflow={w} />
            </>
          );
        }}
      </Loaded>
    </li>
  );
}
