import type { ReactNode } from 'react';
import type { Loadable } from '../hooks/use-api-data.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Loading } from './Loading.tsx';

/** Renders loading, the error (with retry) or the data of a Loadable. */
export function Loaded<T>({
  state,
  onRetry,
  children,
}: {
  state: Loadable<T>;
  onRetry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorAlert error={state.error} {...(onRetry ? { onRetry } : {})} />;
  return <>{children(state.data)}</>;
}
