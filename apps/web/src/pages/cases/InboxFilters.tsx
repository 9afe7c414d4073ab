import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceCategory } from '../../api/catalog.ts';
import type { InboxQuery } from '../../api/inbox.ts';
import { localized } from '../../i18n/localized.ts';
import { FilterActions, PeriodFields } from '../../components/PeriodFields.tsx';

const STATUSES = [
  'received',
  'registered',
  'investigating',
  'in_progress',
  'planned',
  'reopened',
  'answered',
  'fixed',
  'unable_to_fix',
  'not_responsible',
  'redirected',
  'duplicate',
  'closed',
];

/** Search box and filters of the inbox; applied on submit (one request, one result announcement). */
export function InboxFilters({
  query,
  categories,
  onApply,
}: {
  query: InboxQuery;
  categories: readonly ServiceCategory[];
  onApply: (q: InboxQuery) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(query);
  const set = (key: 'q' | 'status' | 'category' | 'from' | 'to') => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply({ ...draft, box: query.box, page: 1 });
  };
  const onReset = () => {
    const cleared = { ...query, q: '', status: '', category: '', from: '', to: '', page: 1 };
    setDraft(cleared);
    onApply(cleared);
  };
  return (
    <form className="filters" role="search" aria-label={t('inbox.filtersLabel')} onSubmit={onSubmit}>
      <div className="field filters-search">
        <label htmlFor={`${id}-q`}>{t('inbox.search')}</label>
        <p id={`${id}-q-hint`} className="field-hint">
          {t('inbox.searchHint')}
        </p>
        <input
          id={`${id}-q`}
          type="search"
          value={draft.q}
          aria-describedby={`${id}-q-hint`}
          onChange={(e) => set('q')(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('inbox.status')}</label>
        <select id={`${id}-status`} value={draft.status} onChange={(e) => set('status')(e.target.value)}>
          <option value="">{t('inbox.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('inbox.category')}</label>
        <select
          id={`${id}-category`}
          value={draft.category}
          onChange={(e) => set('category')(e.target.value)}
        >
          <option value="">{t('inbox.any')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {localized(c.title, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <PeriodFields
        id={id}
        from={draft.from}
        to={draft.to}
        fromLabel={t('inbox.from')}
        toLabel={t('inbox.to')}
        onFrom={set('from')}
        onTo={set('to')}
      />
      <FilterActions apply={t('inbox.apply')} reset={t('inbox.reset')} onReset={onReset} />
    </form>
  );
}
