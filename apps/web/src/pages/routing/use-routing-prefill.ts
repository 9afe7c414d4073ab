import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { routingPath, type RoutingView } from '../../api/routing.ts';

/**
 * The executor staff chose from the routing suggestions of an appeal (accepted or corrected), to
 * prefill the resolution form; null when there is none, the document is not an appeal, or the
 * member may not see suggestions.
 */
export function useRoutingExecutor(slug: string, documentId: string): string | null {
  const [executor, setExecutor] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const again = () => setRound((r) => r + 1);
    window.addEventListener(ROUTING_APPLIED, again);
    return () => window.removeEventListener(ROUTING_APPLIED, again);
  }, []);
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<RoutingView>(routingPath(slug, documentId), ctrl.signal)
      .then((v) => setExecutor(v.applied.executor?.value ?? null))
      .catch(() => {
        if (!ctrl.signal.aborted) setExecutor(null);
      });
    return () => ctrl.abort();
  }, [slug, documentId, round]);
  return executor;
}

/** Sent on the window when staff applied a suggestion, so an open resolution form picks the executor up. */
export const ROUTING_APPLIED = 'zemstvo:routing-applied';
