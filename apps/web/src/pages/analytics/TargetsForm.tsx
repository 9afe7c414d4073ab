import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CityScoreTargets } from '../../api/analytics.ts';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { useAction } from '../../forms/use-action.ts';

/** The form's fields: shares are typed as percentages, as a clerk thinks of them. */
interface Fields {
  onTimePercent: string;
  answerDays: string;
  rating: string;
  backlogPercent: string;
}

const percent = (share: number) => String(Math.round(share * 1000) / 10);

const toFields = (t: CityScoreTargets): Fields => ({
  onTimePercent: percent(t.onTimeShare),
  answerDays: String(t.answerDays),
  rating: String(t.rating),
  backlogPercent: percent(t.backlogWithinShare),
});

/** The API's body; the browser's number inputs have already checked each range. */
const toBody = (f: Fields) => ({
  onTimeShare: Number(f.onTimePercent) / 100,
  answerDays: Number(f.answerDays),
  rating: Number(f.rating),
  backlogWithinShare: Number(f.backlogPercent) / 100,
});

const FIELDS = [
  { key: 'onTimePercent', min: 0.1, max: 100, step: 0.1 },
  { key: 'answerDays', min: 0.5, max: 365, step: 0.5 },
  { key: 'rating', min: 1, max: 5, step: 0.1 },
  { key: 'backlogPercent', min: 0.1, max: 100, step: 0.1 },
] as const;

/**
 * The municipality's CityScore targets (permission `analytics.manage`): a disclosure under the
 * table, saved with PUT …/analytics/targets (audited); the table reloads with the new scores.
 */
export function TargetsForm({
  slug,
  targets,
  onSaved,
}: {
  slug: string;
  targets: CityScoreTargets;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [fields, setFields] = useState<Fields>(() => toFields(targets));
  const { busy, error, run } = useAction(onSaved);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () => api.put(`/api/m/${encodeURIComponent(slug)}/analytics/targets`, toBody(fields)),
      t('analytics.targetsForm.saved'),
    );
  };
  return (
    <details className="action">
      <summary>
        <span className="action-title">{t('analytics.targetsForm.title')}</span>
      </summary>
      <form className="form" onSubmit={onSubmit}>
        <p className="field-hint">
          {targets.custom ? t('analytics.targetsForm.custom') : t('analytics.targetsForm.defaults')}
        </p>
        {FIELDS.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${id}-${f.key}`}>{t(`analytics.targetsForm.${f.key}`)}</label>
            <input
              id={`${id}-${f.key}`}
              type="number"
              inputMode="decimal"
              required
              min={f.min}
              max={f.max}
              step={f.step}
              value={fields[f.key]}
              onChange={(e) => setFields((v) => ({ ...v, [f.key]: e.target.value }))}
            />
          </div>
        ))}
        <SubmitRow label={t('analytics.targetsForm.submit')} busy={busy} error={error} />
      </form>
    </details>
  );
}
