import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appealPath, SPECIAL_HANDLING } from '../../../api/appeals.ts';
import { api } from '../../../api/client.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';
import type { AppealActionProps } from './appeal-action-props.ts';

/** A ground of 59-FZ Art. 11 found after registration: no answer on the merits, notice where the law says. */
export function SpecialHandlingForm({ slug, appealId, onDone }: AppealActionProps) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [code, setCode] = useState<string>(SPECIAL_HANDLING[0]);
  const [note, setNote] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () =>
        api.post(appealPath(slug, appealId, '/special-handling'), {
          code,
          note: note.trim() || null,
          forwardedTo: code === 'crime_forwarded' ? forwardedTo.trim() : null,
        }),
      t('case.done.handling'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('case.register.handling')}</label>
        <select id={`${id}-code`} value={code} onChange={(e) => setCode(e.target.value)}>
          {SPECIAL_HANDLING.map((c) => (
            <option key={c} value={c}>
              {t(`art11.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {code === 'crime_forwarded' && (
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('case.register.forwardedTo')}</label>
          <input
            id={`${id}-to`}
            required
            value={forwardedTo}
            onChange={(e) => setForwardedTo(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('case.register.note')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <SubmitRow label={t('case.handling.submit')} busy={busy} error={error} />
    </form>
  );
}
