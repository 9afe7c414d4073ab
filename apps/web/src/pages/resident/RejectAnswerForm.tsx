import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { myAppealPath, type ResidentAppeal } from '../../api/appeals.ts';
import { api } from '../../api/client.ts';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { useAction } from '../../forms/use-action.ts';

/** «Не удовлетворён»: the resident says why; the case goes back to the head. */
export function RejectAnswerForm({
  appeal,
  onDone,
}: {
  appeal: ResidentAppeal;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [comment, setComment] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () => api.post(myAppealPath(appeal.municipality, appeal.id, '/rejection'), { comment: comment.trim() }),
      t('answer.rejected'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <p className="field-hint">{t('answer.rejectHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-why`}>{t('answer.rejectWhy')}</label>
        <textarea
          id={`${id}-why`}
          rows={3}
          required
          minLength={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <SubmitRow label={t('answer.reject')} busy={busy} error={error} />
    </form>
  );
}
