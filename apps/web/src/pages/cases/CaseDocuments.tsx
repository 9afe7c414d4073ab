import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../api/documents.ts';
import { DraftPanel } from './DraftPanel.tsx';

/** The documents that answer this case (drafts, notices, the signed answer), each with its workflow. */
export function CaseDocuments({
  slug,
  documents,
  onDone,
}: {
  slug: string;
  documents: readonly DocumentInfo[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const outgoing = documents.filter((d) => d.direction === 'outgoing');
  return (
    <section className="card" aria-labelledby="answers-title">
      <h2 id="answers-title">{t('case.answers')}</h2>
      {outgoing.length === 0 ? (
        <p>{t('case.noAnswers')}</p>
      ) : (
        <ul className="doc-list">
          {outgoing.map((d) => (
            <DraftPanel key={`${d.id}-${d.status}-${d.updatedAt}`} slug={slug} draft={d} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}
