import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../api/audit.ts';
import { actionOptions } from './audit-labels.ts';
import { FilterActions, PeriodFields } from '../../components/PeriodFields.tsx';

/** The audit log's filters (action, who, period); applied on submit, kept in the URL. */
export function AuditFilters({ query, onApply }: { query: AuditQuery; onApply: (q: AuditQuery) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(query);
  const set = (key: 'action' | 'actor' | 'from' | 'to') => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const options = actionOptions(i18n);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply({ ...draft, page: 1 });
  };
  const onReset = () => {
    const cleared = { action: '', actor: '', from: '', to: '', page: 1 };
    setDraft(cleared);
    onApply(cleared);
  };
  return (
    <form className="filters" role="search" aria-label={t('audit.filtersLabel')} onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
        <select id={`${id}-action`} value={draft.action} onChange={(e) => set('action')(e.target.value)}>
          <option value="">{t('audit.anyAction')}</option>
          {/* A code from the URL without a label yet stays selectable as itself. */}
          {draft.action && !options.some(([code]) => code === draft.action) && (
            <option value={draft.action}>{draft.action}</option>
          )}
          {options.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>{t('audit.actorFilter')}</label>
        <input
          id={`${id}-actor`}
          type="text"
          maxLength={320}
          value={draft.actor}
          onChange={(e) => set('actor')(e.target.value)}
        />
      </div>
      <PeriodFields
        id={id}
        from={draft.from}
        to={draft.to}
        fromLabel={t('audit.from')}
        toLabel={t('audit.to')}
        onFrom={set('from')}
        onTo={set('to')}
      />
      <FilterActions apply={t('audit.apply')} reset={t('audit.reset')} onReset={onReset} />
    </form>
  );
}
