import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import {
  docPath,
  type DocumentInfo,
  type DocumentWithHistory,
  type HistoryEvent,
} from '../../api/documents.ts';
import { HistoryList } from '../../components/HistoryList.tsx';

/**
 * The whole history of a case: the incoming document's steps and those of its answers and notices
 * (drafting, versions, approvals, signature, dispatch), in time order; a step of an answer says so.
 */
export function CaseHistory({
  slug,
  history,
  documents,
}: {
  slug: string;
  history: readonly HistoryEvent[];
  documents: readonly DocumentInfo[];
}) {
  const { t } = useTranslation();
  const [theirs, setTheirs] = useState<HistoryEvent[]>([]);
  const ids = documents.map((d) => d.id).join(',');

  useEffect(() => {
    const ctrl = new AbortController();
    Promise.all(
      documents.map(async (d) => {
        const { history: steps } = await api.get<DocumentWithHistory>(docPath(slug, d.id), ctrl.signal);
        const of = t(`case.kind.${d.kind}`, { defaultValue: d.title });
        return steps.map((e) => ({ ...e, of }));
      }),
    )
      .then((lists) => setTheirs(lists.flat()))
      .catch(() => undefined);
    return () => ctrl.abort();
    // `ids` names the documents: a new answer changes it, a new step remounts the page's panels.
  }, [slug, ids, t]);

  const all = [...history, ...theirs].sort((a, b) => a.at.localeCompare(b.at));
  return <HistoryList events={all} title={t('case.history')} />;
}
