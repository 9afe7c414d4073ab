import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppealView } from '../../api/appeals.ts';
import { api } from '../../api/client.ts';
import { knowledgePaths, type Duplicates, type SimilarDocument } from '../../api/search.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useAction } from '../../forms/use-action.ts';
import { formatDate } from '../../i18n/dates.ts';
import { SearchError } from './SearchError.tsx';
import { documentLabel } from './SimilarPanel.tsx';

interface Candidate {
  id: string;
  label: string;
  status: string;
  date: string;
  distanceMeters: number | null;
}

/** Similar appeals by text count as possible duplicates from this share of trigram similarity. */
const TEXT_ALIKE = 0.35;

/** Open public reports of the same category near the appeal's point, then appeals with a similar text. */
function useCandidates(slug: string, appeal: AppealView): Candidate[] | null {
  const { t } = useTranslation();
  const [found, setFound] = useState<Candidate[] | null>(null);
  const { id, location, service, category, text, receivedAt } = appeal;
  useEffect(() => {
    let live = true;
    const near = location
      ? api
          .post<Duplicates>(knowledgePaths.duplicates(slug), {
            service: service.slug,
            category: category.code,
            lat: location.lat,
            lon: location.lon,
            text: text.slice(0, 5000),
          })
          .catch(() => ({ radiusMeters: 0, items: [] }))
      : Promise.resolve({ radiusMeters: 0, items: [] } as Duplicates);
    const alike = api
      .get<{ items: SimilarDocument[] }>(knowledgePaths.similar(slug, id))
      .catch(() => ({ items: [] as SimilarDocument[] }));
    void Promise.all([near, alike]).then(([n, a]) => {
      if (!live) return;
      const out: Candidate[] = n.items.map((d) => ({
        id: d.id,
        label: d.text.length > 140 ? `${d.text.slice(0, 140)}…` : d.text,
        status: d.status,
        date: d.receivedAt,
        distanceMeters: d.distanceMeters,
      }));
      for (const d of a.items)
        if (d.kind === 'appeal' && d.textSimilarity >= TEXT_ALIKE && !out.some((c) => c.id === d.id))
          out.push({
            id: d.id,
            label: documentLabel(t, d),
            status: d.status,
            date: d.date,
            distanceMeters: null,
          });
      setFound(out.filter((c) => c.id !== id && c.status !== 'duplicate'));
    });
    return () => {
      live = false;
    };
  }, [t, slug, id, location, service.slug, category.code, text, receivedAt]);
  return found;
}

/**
 * «Possible duplicates» of an appeal on the case page; staff with appeal.status link the newer of
 * two appeals as a duplicate of the older, or merge it into the older one.
 */
export function DuplicatesPanel({
  slug,
  appeal,
  abilities,
  onDone,
}: {
  slug: string;
  appeal: AppealView;
  abilities: readonly string[];
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const candidates = useCandidates(slug, appeal);
  const { busy, error, run } = useAction(onDone);
  const may = abilities.includes('appeal.status');

  if (appeal.duplicateOf)
    return (
      <section className="card" aria-labelledby="duplicates-title">
        <h2 id="duplicates-title">{t('search.duplicates.title')}</h2>
        <p>{t('search.duplicates.isDuplicateOf')}</p>
        <p>
          <Link to={`/workspace/${slug}/documents/${appeal.duplicateOf}`}>
            {t('search.duplicates.openOriginal')}
          </Link>
        </p>
      </section>
    );
  if (!candidates || candidates.length === 0) return null;

  // The newer appeal becomes the duplicate of the older one.
  const pair = (c: Candidate) =>
    new Date(appeal.receivedAt) >= new Date(c.date)
      ? { newer: appeal.id, older: c.id }
      : { newer: c.id, older: appeal.id };
  return (
    <section className="card" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('search.duplicates.title')}</h2>
      {may && <p className="muted">{t('search.duplicates.newer')}</p>}
      {error && <SearchError error={error} />}
      <ul className="candidate-list">
        {candidates.map((c) => {
          const { newer, older } = pair(c);
          return (
            <li key={c.id} className="candidate">
              <p>
                <Link to={`/workspace/${slug}/documents/${c.id}`}>{c.label}</Link>
              </p>
              <p className="muted">
                {formatDate(c.date, i18n.language, 'medium')}
                {c.distanceMeters !== null &&
                  ` · ${t('search.duplicates.distance', { meters: c.distanceMeters })}`}{' '}
                <StatusBadge status={c.status} />
              </p>
              {may && (
                <div
                  className="button-row"
                  role="group"
                  aria-label={t('search.duplicates.actionsFor', { what: c.label })}
                >
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () =>
                          api.post(knowledgePaths.status(slug, newer), {
                            status: 'duplicate',
                            duplicateOf: older,
                          }),
                        t('search.duplicates.linked'),
                      )
                    }
                  >
                    {t('search.duplicates.link')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => api.post(knowledgePaths.merge(slug, newer), { into: older }),
                        t('search.duplicates.merged'),
                      )
                    }
                  >
                    {t('search.duplicates.merge')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
