import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inboxSearch, type InboxBox, type InboxQuery } from '../../api/inbox.ts';

/** The boxes of the inbox the member's roles give, as links; the open one is marked current. */
export function InboxBoxes({
  boxes,
  query,
  counts,
  estimated = [],
}: {
  boxes: readonly InboxBox[];
  query: InboxQuery;
  counts: Partial<Record<InboxBox, number>>;
  /** Boxes whose count is a lower bound: shown as «10 000+». */
  estimated?: readonly InboxBox[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <nav className="box-tabs" aria-label={t('inbox.boxesLabel')}>
      <ul>
        {boxes.map((box) => (
          <li key={box}>
            <Link
              to={`?${inboxSearch({ box, q: '', status: '', category: '', from: '', to: '', page: 1 }).toString()}`}
              aria-current={box === query.box ? 'page' : undefined}
            >
              {t(`inbox.box.${box}`)}
              {counts[box] !== undefined && (
                <span className="box-count">
                  {' '}
                  {estimated.includes(box)
                    ? t('inbox.atLeast', { n: counts[box].toLocaleString(i18n.language) })
                    : counts[box]}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
