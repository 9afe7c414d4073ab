import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appealPath } from '../../../api/appeals.ts';
import { api } from '../../../api/client.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';
import type { AppealActionProps } from './appeal-action-props.ts';

/** Redirect to the competent body within 7 days of registration, with notice (59-FZ Art. 8 p.3). */
export function RedirectForm({ slug, appealId, onDone }: AppealActionProps) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () => api.post(appealPath(slug, appealId, '/redirect'), { to: to.trim(), note: note.trim() || null }),
      t('case.done.redirected'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <p className="field-hint">{t('case.redirect.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('case.redirect.to')}</label>
        <input id={`${id}-to`} required minLength={2} value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('case.redirect.note')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <SubmitRow label={t('case.redirect.submit')} busy={busy} error={error} />
    </form>
  );
}
