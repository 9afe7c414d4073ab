import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilters, Period } from '../../api/analytics.ts';
import type { Localized } from '../../api/types.ts';
import { localized } from '../../i18n/localized.ts';

const PERIODS: Period[] = ['day', 'week', 'month'];

/** Period, dates, category and district of the dashboard; applied on submit. */
export function FilterBar({
  filters,
  categories,
  districts,
  onApply,
}: {
  filters: AnalyticsFilters;
  categories: readonly { code: string; title: Localized }[];
  districts: readonly string[];
  onApply: (f: AnalyticsFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof AnalyticsFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters" aria-label={t('analytics.filters')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('analytics.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={draft.from}
          onChange={(e) => set('from')(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('analytics.to')}</label>
        <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => set('to')(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('analytics.period')}</label>
        <select id={`${id}-period`} value={draft.period} onChange={(e) => set('period')(e.target.value)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`analytics.periods.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('analytics.category')}</label>
        <select
          id={`${id}-category`}
          value={draft.category}
          onChange={(e) => set('category')(e.target.value)}
        >
          <option value="">{t('analytics.any')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {localized(c.title, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-district`}>{t('analytics.district')}</label>
        <select
          id={`${id}-district`}
          value={draft.district}
          onChange={(e) => set('district')(e.target.value)}
        >
          <option value="">{t('analytics.any')}</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">
          {t('analytics.apply')}
        </button>
      </div>
    </form>
  );
}
