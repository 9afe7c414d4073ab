import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ServiceCategory } from '../../api/catalog.ts';
import { localized } from '../../i18n/localized.ts';

const STATUS_GROUPS: Readonly<Record<string, string>> = {
  open: 'received,registered,investigating,in_progress,planned,reopened',
  done: 'answered,fixed,unable_to_fix,not_responsible,redirected,duplicate,closed',
};

/** Category and open/closed filters of the public map; applied on submit. */
export function ReportsFilter({
  category,
  status,
  categories,
  onApplied,
}: {
  category: string;
  status: string;
  categories: readonly ServiceCategory[];
  /** After each «Показать»; `changed`: the reports' request differs from the page's. */
  onApplied?: (changed: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [c, setC] = useState(category);
  const [s, setS] = useState(Object.entries(STATUS_GROUPS).find(([, v]) => v === status)?.[0] ?? '');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (c) next.set('category', c);
    if (s && STATUS_GROUPS[s]) next.set('status', STATUS_GROUPS[s]);
    // The reports' request changes only with these (the words of a search are not sent).
    const current = new URLSearchParams();
    for (const key of ['category', 'status', 'page']) {
      const value = params.get(key);
      if (value && !(key === 'page' && value === '1')) current.set(key, value);
    }
    onApplied?.(next.toString() !== current.toString());
    setParams(next);
  };
  return (
    <form className="filters" aria-label={t('reports.filters')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="reports-category">{t('inbox.category')}</label>
        <select id="reports-category" value={c} onChange={(e) => setC(e.target.value)}>
          <option value="">{t('inbox.any')}</option>
          {categories.map((x) => (
            <option key={x.code} value={x.code}>
              {localized(x.title, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="reports-status">{t('inbox.status')}</label>
        <select id="reports-status" value={s} onChange={(e) => setS(e.target.value)}>
          <option value="">{t('inbox.any')}</option>
          <option value="open">{t('reports.open')}</option>
          <option value="done">{t('reports.done')}</option>
        </select>
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">
          {t('reports.apply')}
        </button>
      </div>
    </form>
  );
}
