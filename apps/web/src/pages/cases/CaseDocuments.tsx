import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../api/documents.ts';

/** The documents that answer this case (drafts, notices, the signed answer), each with its state. */
export function CaseDocuments({
  documents,
}: {
  slug: string;
  incoming: DocumentInfo;
  documents: readonly DocumentInfo[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="answers-title">
      <h2 id="answers-title">{t('case.answers')}</h2>
      {documents.length === 0 ? (
        <p>{t('case.noAnswers')}</p>
      ) : (
        <ul className="doc-list">
          {documents.map((d) => (
            <li key={d.id}>
              <span className="doc-title">{d.regNumber ?? d.title}</span>{' '}
              <span className="muted">{t(`docStatus.${d.status}`, { defaultValue: d.status })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
