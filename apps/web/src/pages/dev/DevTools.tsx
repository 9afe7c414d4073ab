import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Items, OutboxMail } from '../../api/types.ts';
import { useApiData } from '../../hooks/use-api-data.ts';
import { OUTBOX_API } from './OutboxPage.tsx';

/**
 * The development tools in the overview: shown only when the server offers them to this user
 * (development mode and a platform operator; otherwise the outbox answers 404 or 403).
 */
export function DevTools() {
  const { t } = useTranslation();
  const { state } = useApiData<Items<OutboxMail>>(`${OUTBOX_API}?limit=1`);
  if (state.status !== 'ready') return null;
  return (
    <nav className="card" aria-labelledby="dev-tools-title">
      <h2 id="dev-tools-title">{t('outbox.toolsTitle')}</h2>
      <ul className="tile-list">
        <li>
          <Link className="tile" to="/overview/outbox">
            {t('outbox.title')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
