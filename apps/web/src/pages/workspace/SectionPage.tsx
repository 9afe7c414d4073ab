import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useWorkspace } from './workspace-context.ts';

/** A workspace section: its heading, then its content only if the caller holds `permission`. */
export function SectionPage({
  title,
  permission,
  children,
}: {
  title: string;
  permission: string;
  children: () => ReactNode;
}) {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  const allowed = municipality.abilities.includes(permission);
  return (
    <section className="card">
      <PageHeading>{title}</PageHeading>
      {allowed ? children() : <ErrorAlert error={new ApiError('forbidden', t('errors.forbidden'), 403)} />}
    </section>
  );
}
