import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../api/types.ts';
import { useSession } from '../session/session-context.ts';
import { Loading } from './Loading.tsx';

/** Renders its children for a logged-in user; sends anyone else to the login page and back. */
export function RequireUser({ children }: { children: (me: Me) => ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous')
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children(state.me)}</>;
}
