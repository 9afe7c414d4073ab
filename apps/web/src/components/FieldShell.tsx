import type { ReactNode } from 'react';

export interface FieldShellProps {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The field's error, already translated; marks the field invalid and is read with it. */
  error?: string | undefined;
  required?: boolean;
  /** The control, given the ids that describe it (hint, error) and whether it is invalid. */
  children: (a11y: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/**
 * A labelled control of any kind (select, textarea, …) with its hint and error tied to it by
 * aria-describedby, like TextField. Required fields say so in words, not by colour or "*" alone.
 */
export function FieldShell({ id, label, hint, error, required = false, children }: FieldShellProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {children({ describedBy, invalid: Boolean(error) })}
    </div>
  );
}
