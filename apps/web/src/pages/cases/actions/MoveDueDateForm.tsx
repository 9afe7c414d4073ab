import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';

/** Control of execution: the head moves the due date of the active resolution, saying why. */
export function MoveDueDateForm({
  slug,
  documentId,
  current,
  legalDue,
  onDone,
}: {
  slug: string;
  documentId: string;
  current: string;
  legalDue: string | null;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [dueDate, setDueDate] = useState(current);
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () => api.post(docPath(slug, documentId, '/resolutions/due-date'), { dueDate, reason: reason.trim() }),
      t('case.done.dueMoved'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('case.moveDue.date')}</label>
        {legalDue && (
          <p id={`${id}-hint`} className="field-hint">
            {t('case.resolution.dueHint')}
          </p>
        )}
        <input
          id={`${id}-due`}
          type="date"
          required
          value={dueDate}
          max={legalDue ?? undefined}
          aria-describedby={legalDue ? `${id}-hint` : undefined}
          onChange={(e) => setDueDate(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('case.moveDue.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <SubmitRow label={t('case.moveDue.submit')} busy={busy} error={error} />
    </form>
  );
}
