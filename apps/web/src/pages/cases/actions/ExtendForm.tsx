import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appealPath } from '../../../api/appeals.ts';
import { api } from '../../../api/client.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';
import type { AppealActionProps } from './appeal-action-props.ts';

/** Extension of the answer deadline, once, by at most 30 days, with notice to the applicant (59-FZ Art. 12 p.2). */
export function ExtendForm({ slug, appealId, onDone }: AppealActionProps) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [days, setDays] = useState('30');
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () => api.post(appealPath(slug, appealId, '/extend'), { days: Number(days), reason: reason.trim() }),
      t('case.done.extended'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <p className="field-hint">{t('case.extend.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-days`}>{t('case.extend.days')}</label>
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          required
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('case.extend.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          minLength={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <SubmitRow label={t('case.extend.submit')} busy={busy} error={error} />
    </form>
  );
}
