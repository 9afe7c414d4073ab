import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  BOX_PERMISSION,
  INBOX_BOXES,
  inboxApiPath,
  inboxSearch,
  pageCount,
  readInboxQuery,
  type InboxBox,
  type InboxPage as InboxResult,
  type InboxQuery,
} from '../../api/inbox.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { useCategories } from '../../hooks/use-categories.ts';
import { SectionPage } from '../workspace/SectionPage.tsx';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { InboxBoxes } from './InboxBoxes.tsx';
import { InboxFilters } from './InboxFilters.tsx';
import { InboxTable } from './InboxTable.tsx';

/** The staff inbox: boxes by role, a search box and filters, one server-side page at a time. */
function Inbox() {
  const { t, i18n } = useTranslation();
  const { municipality } = useWorkspace();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const boxes = INBOX_BOXES.filter((b) => municipality.abilities.includes(BOX_PERMISSION[b]));
  const query = readInboxQuery(params, boxes[0] ?? 'all');
  const categories = useCategories(municipality.slug);
  const { state, reload } = useApiData<InboxResult>(inboxApiPath(municipality.slug, query));
  const go = (q: InboxQuery) => void navigate(`?${inboxSearch(q).toString()}`);
  // The counts of the last answer stay on the boxes while the next page loads.
  const counts = useRef<Partial<Record<InboxBox, number>>>({});
  const estimated = useRef<readonly InboxBox[]>([]);
  if (state.status === 'ready') {
    counts.current = state.data.counts;
    estimated.current = state.data.estimatedCounts ?? [];
  }
  const caption = t('inbox.caption', { box: t(`inbox.box.${query.box}`) });

  return (
    <>
      <InboxBoxes boxes={boxes} query={query} counts={counts.current} estimated={estimated.current} />
      <InboxFilters key={params.toString()} query={query} categories={categories} onApply={go} />
      <Loaded state={state} onRetry={reload}>
        {(result) => (
          <>
            <p role="status" className="result-count">
              {result.totalIsEstimate
                ? t('inbox.foundMore', { n: result.total.toLocaleString(i18n.language) })
                : t('inbox.found', { count: result.total })}
            </p>
            {result.items.length > 0 ? (
              <InboxTable slug={municipality.slug} items={result.items} caption={caption} />
            ) : (
              // An empty list says why: the filters found nothing, or what would land in this box.
              <p className="muted">
                {query.q || query.status || query.category || query.from || query.to
                  ? t('inbox.emptyFiltered')
                  : t(`inbox.empty.${query.box}`)}
              </p>
            )}
            <Pagination
              page={query.page}
              pages={pageCount(result.total)}
              label={t('inbox.pages')}
              hrefFor={(page) => `?${inboxSearch({ ...query, page }).toString()}`}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  return (
    <SectionPage title={t('workspace.inbox')} permission="document.view">
      {() => <Inbox />}
    </SectionPage>
  );
}
