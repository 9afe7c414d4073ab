import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { localized } from '../../i18n/localized.ts';
import { NotificationsPanel } from './NotificationsPanel.tsx';
import { allowedSections } from './sections.ts';
import { useWorkspace } from './workspace-context.ts';

/** The workspace summary: who you are here and the sections you can open. */
export function WorkspaceHome() {
  const { t, i18n } = useTranslation();
  const { me, municipality } = useWorkspace();
  const membership = me.memberships.find((m) => m.slug === municipality.slug);
  const sections = allowedSections(municipality.abilities);
  const roles = (membership?.roleKeys ?? []).map((k) => t(`roles.${k}`, { defaultValue: k }));
  return (
    <section className="card">
      <PageHeading>{localized(municipality.name, i18n.language)}</PageHeading>
      <p>{t('workspace.welcome', { name: me.user.displayName })}</p>
      <p>
        {roles.length ? t('workspace.yourRoles', { roles: roles.join(', ') }) : t(`kinds.${me.user.kind}`)}
      </p>
      <h2>{t('workspace.available')}</h2>
      {sections.length === 0 ? (
        <p>{t('workspace.nothingAvailable')}</p>
      ) : (
        <ul className="tile-list">
          {sections.map((s) => (
            <li key={s.path}>
              <Link className="tile" to={`/workspace/${municipality.slug}/${s.path}`}>
                {t(s.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <NotificationsPanel />
    </section>
  );
}
