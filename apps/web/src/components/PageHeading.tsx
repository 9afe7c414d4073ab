import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * The page's h1. Sets the document title and, after an in-app navigation, moves focus to the
 * heading so keyboard and screen-reader users start reading the new page from its top.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);

  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus({ preventScroll: false });
  }, [location.key]);

  return (
    <h1 ref={ref} id="page-title" tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
