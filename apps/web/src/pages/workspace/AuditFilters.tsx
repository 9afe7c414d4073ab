import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../api/audit.ts';
import { actionOptions } from './audit-labels.ts';

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
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('audit.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(e) => set('from')(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('audit.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(e) => set('to')(e.target.value)}
        />
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">
          {t('audit.apply')}
        </button>
        <button type="button" className="button button-secondary" onClick={onReset}>
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
