import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../forms/use-action.ts';

/** The approver's decision on the current version: approve, or return for rework with a comment. */
export function DecisionForm({
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
  const { busy, error, run } = useAction(onDone);
  const [comment, setComment] = useState('');
  const [needComment, setNeedComment] = useState(false);
  const decide = (decision: 'approve' | 'return') => {
    if (decision === 'return' && !comment.trim()) {
      setNeedComment(true);
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    setNeedComment(false);
    void run(
      () =>
        api.post(docPath(slug, draftId, '/approval/decision'), {
          decision,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      decision === 'approve' ? t('case.done.approved') : t('case.done.returned'),
    );
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    decide('approve');
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className={needComment ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-comment`}>{t('case.approval.comment')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('case.approval.commentHint')}
        </p>
        {needComment && (
          <p id={`${id}-err`} className="field-error">
            {t('case.approval.commentNeeded')}
          </p>
        )}
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          aria-invalid={needComment || undefined}
          aria-describedby={`${id}-hint${needComment ? ` ${id}-err` : ''}`}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {error && <ErrorAlert error={error} />}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {t('case.approval.approve')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => decide('return')}
        >
          {t('case.approval.return')}
        </button>
      </div>
    </form>
  );
}
