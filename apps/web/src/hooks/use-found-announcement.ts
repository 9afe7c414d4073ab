import { useEffect, useRef, useState } from 'react';
import type { Loadable } from './use-api-data.ts';

/** What a live region says after a submit: a count, and a round that changes on every submit. */
export interface Found {
  count: number;
  round: number;
}

/**
 * Says how many were found after each submit of a form, also when nothing changed (the same
 * filters again: no new request, the list stays as it was, and a screen reader user would hear
 * nothing). `submitted(changed)`: with `changed`, waits for the next answer; without, says the
 * current count again. Render `found` in a live region keyed by `round`, so it is replaced (and
 * read) even when the text is the same.
 */
export function useFoundAnnouncement<T>(
  state: Loadable<T>,
  count: (data: T) => number,
): { found: Found | null; submitted: (changed: boolean) => void } {
  // undefined: nothing waiting; null: say the next ready answer; a value: wait for another answer.
  const waitingFor = useRef<T | null | undefined>(undefined);
  const [found, setFound] = useState<Found | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (waitingFor.current === undefined || state.status !== 'ready') return;
    if (state.data === waitingFor.current) return;
    waitingFor.current = undefined;
    setFound((f) => ({ count: count(state.data), round: (f?.round ?? 0) + 1 }));
  }, [state, asked, count]);
  const submitted = (changed: boolean) => {
    waitingFor.current = changed && state.status === 'ready' ? state.data : null;
    setAsked((n) => n + 1);
  };
  return { found, submitted };
}
