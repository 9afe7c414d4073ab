import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The search box: a GET form (the words end up in the page URL, so a search can be shared and
 * the back button returns to it). With scripts the app navigates without reloading.
 */
export function SearchForm({
  action,
  initial,
  label,
  fieldLabel,
  onSearch,
  required = false,
}: {
  action: string;
  initial: string;
  label: string;
  fieldLabel?: string;
  onSearch: (q: string) => void;
  /** An empty search finds nothing here: the browser asks for words instead of a silent no-op. */
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(initial);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSearch(q.trim());
  };
  return (
    <form
      className="filters"
      role="search"
      aria-label={label}
      method="get"
      action={action}
      onSubmit={onSubmit}
    >
      <div className="field filters-search">
        <label htmlFor={`${id}-q`}>{fieldLabel ?? t('search.query')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('search.queryHint')}
        </p>
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          maxLength={500}
          required={required}
          value={q}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
