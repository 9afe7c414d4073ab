import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ErrorSummaryItem {
  /** The id of the field the message is about (the link moves focus there). */
  fieldId: string;
  text: string;
}

function focusField(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  e.preventDefault();
  field.focus();
}

/**
 * The errors of a submitted form as a list of links to their fields. It takes focus when it
 * appears (or changes), so keyboard and screen-reader users land on it after a failed submit.
 */
export function ErrorSummary({ items }: { items: readonly ErrorSummaryItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => `${i.fieldId}:${i.text}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="alert alert-error" role="alert" tabIndex={-1}>
      <p>{t('forms.checkFields')}</p>
      <ul className="error-list">
        {items.map((i) => (
          <li key={i.fieldId}>
            <a href={`#${i.fieldId}`} onClick={(e) => focusField(e, i.fieldId)}>
              {i.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
