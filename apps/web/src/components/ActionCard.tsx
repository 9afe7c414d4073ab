import { useId, type ReactNode } from 'react';

/**
 * One action of the case page. `open` actions are the next step and show their form at once; the
 * others sit in a disclosure (a native <details>, so keyboard and screen readers know it).
 */
export function ActionCard({
  title,
  open = false,
  children,
}: {
  title: string;
  open?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  if (open)
    return (
      <section className="action" aria-labelledby={id}>
        <h3 id={id}>{title}</h3>
        {children}
      </section>
    );
  return (
    <details className="action">
      <summary>
        <span className="action-title">{title}</span>
      </summary>
      {children}
    </details>
  );
}
