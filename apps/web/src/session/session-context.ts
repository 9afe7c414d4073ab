import { createContext, useContext } from 'react';
import type { Me } from '../api/types.ts';
import type { Locale } from '../i18n/locale.ts';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'user'; me: Me };

export interface Registration {
  email: string;
  displayName: string;
  password: string;
}

export interface Session {
  state: SessionState;
  /** Logs in and loads /api/auth/session; rejects with ApiError (invalid_credentials, account_locked, …). */
  login(email: string, password: string): Promise<Me>;
  /** Registers a resident (in the interface language) and signs them in; rejects with ApiError. */
  register(input: Registration): Promise<Me>;
  /** Asks the server again who is logged in (after something that may have ended the session). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
  /** Switches the interface language; remembered in this browser and, when logged in, on the account. */
  changeLocale(locale: Locale): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionProvider>');
  return s;
}

/** Where a user lands after logging in: staff in their workspace, residents in their account. */
export function homePathFor(me: Me): string {
  switch (me.user.kind) {
    case 'staff':
      return '/workspace';
    case 'resident':
      return '/cabinet';
    case 'regional':
    case 'operator':
      return '/overview';
  }
}
