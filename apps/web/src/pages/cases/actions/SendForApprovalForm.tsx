import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import type { Items } from '../../../api/types.ts';
import { colleaguesPath, type Colleague } from '../../../api/workflow.ts';
import { Loaded } from '../../../components/Loaded.tsx';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';
import { useApiData } from '../../../hooks/use-api-data.ts';
import { routeStages } from '../approval-stages.ts';

const STAGES = [1, 2, 3] as const;

/**
 * The approval route of the latest version: each colleague who may approve is left out or put at
 * a stage. One stage decides in parallel; the next stage starts when the previous has approved.
 */
export function SendForApprovalForm({
  slug,
  draftId,
  onDone,
}: {
  slug: string;
  draftId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const approvers = useApiData<Items<Colleague>>(colleaguesPath(slug, 'document.approve'));
  const { busy, error, run } = useAction(onDone);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState(false);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const stages = routeStages(chosen);
    setMissing(stages.length === 0);
    if (stages.length === 0) return;
    void run(() => api.post(docPath(slug, draftId, '/approval'), { stages }), t('case.done.sentForApproval'));
  };
  return (
    <Loaded state={approvers.state} onRetry={approvers.reload}>
      {({ items }) => (
        <form className="form" onSubmit={onSubmit}>
          <fieldset
            className={missing ? 'field field-invalid' : 'field'}
            aria-describedby={`${id}-hint${missing ? ` ${id}-err` : ''}`}
          >
            <legend>{t('case.approval.route')}</legend>
            <p id={`${id}-hint`} className="field-hint">
              {t('case.approval.routeHint')}
            </p>
            {missing && (
              <p id={`${id}-err`} className="field-error">
                {t('case.approval.noApprovers')}
              </p>
            )}
            {items.map((c) => (
              <div key={c.userId} className="field field-inline">
                <label htmlFor={`${id}-${c.userId}`}>{c.displayName}</label>
                <select
                  id={`${id}-${c.userId}`}
                  value={chosen[c.userId] ?? 0}
                  onChange={(e) => setChosen((old) => ({ ...old, [c.userId]: Number(e.target.value) }))}
                >
                  <option value={0}>{t('case.approval.notIncluded')}</option>
                  {STAGES.map((s) => (
                    <option key={s} value={s}>
                      {t('case.approval.stage', { n: s })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
          <SubmitRow label={t('case.approval.send')} busy={busy} error={error} />
        </form>
      )}
    </Loaded>
  );
}
