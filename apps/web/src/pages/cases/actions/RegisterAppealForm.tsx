import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appealPath, SPECIAL_HANDLING, type AppealView } from '../../../api/appeals.ts';
import type { ServiceDetail } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { localized } from '../../../i18n/localized.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';

interface Question {
  text: string;
  theme: string;
}

/**
 * Registration (59-FZ Art. 8 p.2): the questions of the appeal, each with a theme of the
 * classifier; the category; publication on the map; and, where it applies, a ground of Art. 11.
 */
export function RegisterAppealForm({
  slug,
  appeal,
  service,
  onDone,
}: {
  slug: string;
  appeal: AppealView;
  service: ServiceDetail;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [category, setCategory] = useState(appeal.category.code);
  const [questions, setQuestions] = useState<Question[]>([
    { text: appeal.text, theme: appeal.theme?.code ?? '' },
  ]);
  const [isPublic, setIsPublic] = useState(appeal.isPublic);
  const [handling, setHandling] = useState(appeal.suggestedSpecialHandling ?? '');
  const [note, setNote] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const themes = service.categories.find((c) => c.code === category)?.themes ?? [];
  const setQuestion = (i: number, patch: Partial<Question>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = {
      category,
      questions: questions
        .filter((q) => q.text.trim())
        .map((q) => ({ text: q.text.trim(), theme: q.theme || null })),
      ...(service.publicVisibility.publicByDefault ? { isPublic } : {}),
      specialHandling: handling
        ? { code: handling, note: note.trim() || null, forwardedTo: forwardedTo.trim() || null }
        : null,
    };
    void run(() => api.post(appealPath(slug, appeal.id, '/register'), body), t('case.done.registered'));
  };

  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('intake.category')}</label>
        <select
          id={`${id}-category`}
          value={category}
          onChange={(e) => {
            setCategory(e.target.value);
            setQuestions((qs) => qs.map((q) => ({ ...q, theme: '' })));
          }}
        >
          {service.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {localized(c.title, i18n.language)}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="field questions">
        <legend>{t('case.register.questions')}</legend>
        <p className="field-hint">{t('case.register.questionsHint')}</p>
        {questions.map((q, i) => (
          <div key={i} className="question">
            <div className="field">
              <label htmlFor={`${id}-q${i}`}>{t('case.register.question', { n: i + 1 })}</label>
              <textarea
                id={`${id}-q${i}`}
                rows={3}
                value={q.text}
                required
                onChange={(e) => setQuestion(i, { text: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-t${i}`}>{t('case.register.theme', { n: i + 1 })}</label>
              <select
                id={`${id}-t${i}`}
                value={q.theme}
                onChange={(e) => setQuestion(i, { theme: e.target.value })}
              >
                <option value="">{t('case.register.noTheme')}</option>
                {themes.map((th) => (
                  <option key={th.code} value={th.code}>
                    {localized(th.title, i18n.language)}
                  </option>
                ))}
              </select>
            </div>
            {questions.length > 1 && (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
              >
                {t('case.register.removeQuestion', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setQuestions((qs) => [...qs, { text: '', theme: '' }])}
        >
          {t('case.register.addQuestion')}
        </button>
      </fieldset>

      {service.publicVisibility.publicByDefault && (
        <div className="checkbox">
          <input
            id={`${id}-public`}
            type="checkbox"
            checked={isPublic}
            onChange={(e) => setIsPublic(e.target.checked)}
          />
          <label htmlFor={`${id}-public`}>{t('case.register.public')}</label>
        </div>
      )}

      {service.law59 && (
        <div className="field">
          <label htmlFor={`${id}-handling`}>{t('case.register.handling')}</label>
          <p id={`${id}-handling-hint`} className="field-hint">
            {appeal.suggestedSpecialHandling
              ? t('case.register.handlingSuggested', {
                  ground: t(`art11.${appeal.suggestedSpecialHandling}`),
                })
              : t('case.register.handlingHint')}
          </p>
          <select
            id={`${id}-handling`}
            aria-describedby={`${id}-handling-hint`}
            value={handling}
            onChange={(e) => setHandling(e.target.value)}
          >
            <option value="">{t('case.register.handlingNone')}</option>
            {SPECIAL_HANDLING.map((code) => (
              <option key={code} value={code}>
                {t(`art11.${code}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {handling === 'crime_forwarded' && (
        <div className="field">
          <label htmlFor={`${id}-forwarded`}>{t('case.register.forwardedTo')}</label>
          <input
            id={`${id}-forwarded`}
            value={forwardedTo}
            required
            onChange={(e) => setForwardedTo(e.target.value)}
          />
        </div>
      )}
      {handling && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('case.register.note')}</label>
          <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      )}
      <SubmitRow label={t('case.register.submit')} busy={busy} error={error} />
    </form>
  );
}
