import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { overridePath } from '../../api/calendar.ts';
import { api } from '../../api/client.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formErrorsOf, noFormErrors, type FormErrors } from '../../forms/form-errors.ts';

const FIELDS = ['date', 'note'] as const;
type Field = (typeof FIELDS)[number];

/** Operators only: marks a date as a day off or a working day, with a note (PUT /api/calendar/overrides/:date). */
export function OverrideForm({ onSaved }: { onSaved: (date: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = (f: Field) => `${id}-${f}`;
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'off' | 'working'>('off');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors());
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setErrors(noFormErrors());
    try {
      await api.put(overridePath(date), { kind, note: note.trim() });
      setDate('');
      setNote('');
      onSaved(date);
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS, { bad_date: 'date' }));
    } finally {
      setBusy(false);
    }
  };

  const error = (f: Field) => (errors.fields[f] ? t(errors.fields[f]) : undefined);
  const described = (f: Field, hint?: string) =>
    [hint, errors.fields[f] ? `${fieldId(f)}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('calendar.addTitle')}</h2>
      <p className="field-hint">{t('calendar.addHint')}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-title`}>
        <FormErrorSummary errors={errors} fields={FIELDS} fieldId={fieldId} />
        <div className={error('date') ? 'field field-invalid' : 'field'}>
          <label htmlFor={fieldId('date')}>{t('calendar.date')}</label>
          {error('date') && (
            <p id={`${fieldId('date')}-error`} className="field-error">
              {error('date')}
            </p>
          )}
          <input
            id={fieldId('date')}
            name="date"
            type="date"
            required
            value={date}
            aria-invalid={error('date') ? true : undefined}
            aria-describedby={described('date')}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>{t('calendar.kindLegend')}</legend>
          {(['off', 'working'] as const).map((k) => (
            <label key={k} className="checkbox">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
              {t(`calendar.overrideKind.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className={error('note') ? 'field field-invalid' : 'field'}>
          <label htmlFor={fieldId('note')}>{t('calendar.note')}</label>
          <p id={`${fieldId('note')}-hint`} className="field-hint">
            {t('calendar.noteHint')}
          </p>
          {error('note') && (
            <p id={`${fieldId('note')}-error`} className="field-error">
              {error('note')}
            </p>
          )}
          <input
            id={fieldId('note')}
            name="note"
            type="text"
            value={note}
            aria-invalid={error('note') ? true : undefined}
            aria-describedby={described('note', `${fieldId('note')}-hint`)}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('calendar.saving') : t('calendar.save')}
        </button>
      </form>
    </section>
  );
}
