import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { allowedSections } from './sections.ts';

/** The section menu: only what the caller's abilities in this municipality allow. */
export function WorkspaceNav({ slug, abilities }: { slug: string; abilities: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <nav className="workspace-nav" aria-label={t('workspace.sections')}>
      <ul>
        <li>
          <NavLink to={`/workspace/${slug}`} end>
            {t('workspace.home')}
          </NavLink>
        </li>
        {allowedSections(abilities).map((s) => (
          <li key={s.path}>
            <NavLink to={`/workspace/${slug}/${s.path}`}>{t(s.labelKey)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
