import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

const toApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError('unknown', e instanceof Error ? e.message : String(e), 0);

/** GETs `path` (null: nothing yet) and re-fetches when it changes or on reload(). */
export function useApiData<T>(path: string | null): { state: Loadable<T>; reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    api
      .get<T>(path, ctrl.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setState({ status: 'error', error: toApiError(e) });
      });
    return () => ctrl.abort();
  }, [path, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { state, reload };
}
