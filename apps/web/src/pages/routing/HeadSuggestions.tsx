import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { percent, type RoutingHead, type RoutingView } from '../../api/routing.ts';
import { localized } from '../../i18n/localized.ts';

export interface Choice {
  value: string;
  label: string;
}

/**
 * One head of the suggestions: the top 3 with their confidence, «Принять» on each, and a choice
 * of any other value (a correction). `apply(value, accepted)` sends the answer.
 */
export function HeadSuggestions({
  head,
  view,
  choices,
  currentLabel,
  busy,
  apply,
}: {
  head: RoutingHead;
  view: RoutingView;
  choices: readonly Choice[];
  currentLabel: string | null;
  busy: boolean;
  apply: (value: string, accepted: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const suggestions = view.suggestions[head];
  const applied = view.applied[head];
  const current = head === 'executor' ? (applied?.value ?? null) : view.current[head];
  const [other, setOther] = useState('');
  const onOther = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (other)
      apply(
        other,
        suggestions.some((s) => s.value === other),
      );
  };
  return (
    <div className="routing-head">
      <h3 id={`${id}-h`}>{t(`routing.head.${head}`)}</h3>
      <p>
        {t(head === 'executor' ? 'routing.prefilled' : 'routing.current')}:{' '}
        <strong>{currentLabel ?? t('routing.none')}</strong>
        {applied && (
          <span className="muted"> ({t(applied.accepted ? 'routing.accepted' : 'routing.corrected')})</span>
        )}
      </p>
      {suggestions.length === 0 ? (
        <p className="muted">{t('routing.noSuggestions')}</p>
      ) : (
        <ol className="routing-list" aria-labelledby={`${id}-h`}>
          {suggestions.map((s) => {
            const title = localized(s.title, i18n.language);
            const p = percent(s.confidence, i18n.language);
            return (
              <li key={s.value}>
                <span>{title}</span>{' '}
                <span className="muted routing-confidence">
                  <span className="visually-hidden">{t('routing.confidence')} </span>
                  {p}
                </span>{' '}
                <meter min={0} max={1} value={s.confidence} aria-hidden="true" />{' '}
                {current === s.value ? (
                  <span className="muted">{t('routing.isCurrent')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy}
                    aria-label={t('routing.acceptLabel', { title, percent: p })}
                    onClick={() => apply(s.value, true)}
                  >
                    {t('routing.accept')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {choices.length > 0 && (
        <form className="form-inline" onSubmit={onOther}>
          <label htmlFor={`${id}-other`}>{t('routing.chooseOther')}</label>{' '}
          <select id={`${id}-other`} value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">—</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="button button-secondary" disabled={busy || !other}>
            {t('routing.apply')}
          </button>
        </form>
      )}
    </div>
  );
}
