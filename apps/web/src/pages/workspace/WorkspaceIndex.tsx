import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { Me } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';

/** /workspace: straight into the first municipality the user works in. */
export function WorkspaceIndex({ me }: { me: Me }) {
  const { t } = useTranslation();
  const first = me.memberships[0];
  if (first) return <Navigate to={`/workspace/${first.slug}`} replace />;
  return (
    <section className="card">
      <PageHeading>{t('workspace.title')}</PageHeading>
      <p>{t('workspace.noMemberships')}</p>
    </section>
  );
}
