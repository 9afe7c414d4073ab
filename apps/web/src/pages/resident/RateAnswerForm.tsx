import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { myAppealPath, type ResidentAppeal } from '../../api/appeals.ts';
import { api } from '../../api/client.ts';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { useAction } from '../../forms/use-action.ts';

/** The resident rates the answer from 1 (bad) to 5 (good), with an optional comment. */
export function RateAnswerForm({
  appeal,
  onDone,
}: {
  appeal: ResidentAppeal;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [rating, setRating] = useState(appeal.rating ?? 0);
  const [comment, setComment] = useState(appeal.ratingComment ?? '');
  const [missing, setMissing] = useState(false);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!rating) return setMissing(true);
    setMissing(false);
    void run(
      () =>
        api.post(myAppealPath(appeal.municipality, appeal.id, '/rating'), {
          rating,
          comment: comment.trim() || null,
        }),
      t('answer.rated'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <fieldset
        className={missing ? 'field rating field-invalid' : 'field rating'}
        aria-describedby={missing ? `${id}-err` : undefined}
      >
        <legend>{t('answer.rating')}</legend>
        {missing && (
          <p id={`${id}-err`} className="field-error">
            {t('answer.chooseRating')}
          </p>
        )}
        <div className="rating-options">
          {[1, 2, 3, 4, 5].map((n) => (
            <div key={n} className="checkbox">
              <input
                id={`${id}-${n}`}
                type="radio"
                name={`${id}-rating`}
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
              />
              <label htmlFor={`${id}-${n}`}>{t(`answer.stars.${n}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('answer.ratingComment')}</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <SubmitRow label={t('answer.rate')} busy={busy} error={error} />
    </form>
  );
}
