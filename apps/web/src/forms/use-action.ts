import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.ts';

const toApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError('unknown', e instanceof Error ? e.message : String(e), 0);

/**
 * Runs one action of the case page: busy while it runs, the API's refusal kept for the form to
 * show, and `onDone(message)` after success (the page reloads the case and announces the message).
 */
export function useAction(onDone: (message: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (fn: () => Promise<unknown>, message: string) => {
      setBusy(true);
      setError(null);
      try {
        await fn();
        setBusy(false);
        onDone(message);
      } catch (e) {
        setError(toApiError(e));
        setBusy(false);
      }
    },
    [onDone],
  );
  return { busy, error, run };
}
