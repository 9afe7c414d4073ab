import type { AppealView } from '../../api/appeals.ts';
import { DuplicatesPanel } from './DuplicatesPanel.tsx';
import { SimilarPanel } from './SimilarPanel.tsx';

/** What the knowledge base adds to a case page: possible duplicates (appeals) and similar documents. */
export function CaseKnowledge({
  slug,
  documentId,
  appeal,
  abilities,
  onDone,
}: {
  slug: string;
  documentId: string;
  appeal: AppealView | null;
  abilities: readonly string[];
  onDone: (message: string) => void;
}) {
  return (
    <>
      {appeal && <DuplicatesPanel slug={slug} appeal={appeal} abilities={abilities} onDone={onDone} />}
      <SimilarPanel slug={slug} documentId={documentId} />
    </>
  );
}
