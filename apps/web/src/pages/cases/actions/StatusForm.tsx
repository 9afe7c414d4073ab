import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appealPath, STAFF_SETTABLE } from '../../../api/appeals.ts';
import { api } from '../../../api/client.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';
import type { AppealActionProps } from './appeal-action-props.ts';

/** A public status set by hand (planned, fixed, not our responsibility, duplicate of another case…). */
export function StatusForm({ slug, appealId, onDone }: AppealActionProps) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [status, setStatus] = useState<string>(STAFF_SETTABLE[0]);
  const [duplicateOf, setDuplicateOf] = useState('');
  const [comment, setComment] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () =>
        api.post(appealPath(slug, appealId, '/status'), {
          status,
          duplicateOf: status === 'duplicate' ? duplicateOf.trim() : null,
          comment: comment.trim() || null,
        }),
      t('case.done.status'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('case.status.new')}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
          {STAFF_SETTABLE.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {status === 'duplicate' && (
        <div className="field">
          <label htmlFor={`${id}-dup`}>{t('case.status.duplicateOf')}</label>
          <input
            id={`${id}-dup`}
            required
            value={duplicateOf}
            onChange={(e) => setDuplicateOf(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('case.status.comment')}</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <SubmitRow label={t('case.status.submit')} busy={busy} error={error} />
    </form>
  );
}
