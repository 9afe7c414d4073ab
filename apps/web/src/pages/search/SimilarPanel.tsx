import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { knowledgePaths, type SimilarDocument } from '../../api/search.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDate } from '../../i18n/dates.ts';

/** A document's title as the lists show it: number and title, or its kind. */
export const documentLabel = (t: TFunction, d: Pick<SimilarDocument, 'regNumber' | 'title' | 'kind'>) =>
  [d.regNumber, d.title || t(`search.kind.${d.kind}`, { defaultValue: d.kind })].filter(Boolean).join(' — ');

/** «Similar documents» of the case page: the ten most alike in the municipality, each a link to its case. */
export function SimilarPanel({ slug, documentId }: { slug: string; documentId: string }) {
  const { t, i18n } = useTranslation();
  const similar = useApiData<{ items: SimilarDocument[] }>(knowledgePaths.similar(slug, documentId));
  return (
    <section className="card" aria-labelledby="similar-title">
      <h2 id="similar-title">{t('search.similar.title')}</h2>
      <Loaded state={similar.state} onRetry={similar.reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('search.similar.none')}</p>
          ) : (
            <ul className="search-hits">
              {items.map((d) => (
                <li key={d.id} className="search-hit">
                  <Link to={`/workspace/${slug}/documents/${d.id}`}>{documentLabel(t, d)}</Link>
                  <p className="muted">
                    {t('search.hitMeta', {
                      kind: t(`search.kind.${d.kind}`, { defaultValue: d.kind }),
                      date: formatDate(d.date, i18n.language, 'medium'),
                    })}
                    {' · '}
                    {t('search.similar.score', { percent: Math.round(d.textSimilarity * 100) })}{' '}
                    <StatusBadge status={d.status} />
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
