import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import type { LoginResult, Me } from '../api/types.ts';
import { storeLocale, type Locale } from '../i18n/locale.ts';
import { SessionContext, type Registration, type Session, type SessionState } from './session-context.ts';

/**
 * Holds who is logged in. On load asks /api/auth/session; a logged-in user's saved language wins over
 * the one stored in the browser. A language chosen before logging in is kept and saved on login.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const chosenWhileAnonymous = useRef(false);

  const apply = useCallback(
    (locale: Locale) => {
      storeLocale(locale);
      if (i18n.language !== locale) void i18n.changeLanguage(locale);
    },
    [i18n],
  );

  // /api/auth/session answers anonymous visitors with `me: null` (not a 401 in the console).
  const loadMe = useCallback(async (): Promise<Me | null> => {
    const { me } = await api.get<{ me: Me | null }>('/api/auth/session');
    setCsrfToken(me?.csrfToken ?? null);
    return me;
  }, []);

  useEffect(() => {
    let live = true;
    loadMe()
      .then((me) => {
        if (!live) return;
        if (me) apply(me.user.locale);
        setState(me ? { status: 'user', me } : { status: 'anonymous' });
      })
      .catch(() => live && setState({ status: 'anonymous' }));
    return () => {
      live = false;
    };
  }, [loadMe, apply]);

  const login = useCallback(
    async (email: string, password: string): Promise<Me> => {
      const res = await api.post<LoginResult>('/api/auth/login', { email, password });
      setCsrfToken(res.csrfToken);
      const me = await loadMe();
      if (!me) throw new ApiError('unauthenticated', 'The session was not opened', 401);
      const current: Locale = i18n.language === 'en' ? 'en' : 'ru';
      const keepCurrent = chosenWhileAnonymous.current && current !== me.user.locale;
      chosenWhileAnonymous.current = false;
      if (keepCurrent) {
        // Best effort: the language stays chosen in this browser even if saving it fails.
        await api.put('/api/auth/me/locale', { locale: current }).catch(() => undefined);
      } else apply(me.user.locale);
      const signedIn: Me = keepCurrent ? { ...me, user: { ...me.user, locale: current } } : me;
      setState({ status: 'user', me: signedIn });
      return signedIn;
    },
    [apply, i18n, loadMe],
  );

  const register = useCallback(
    async (input: Registration): Promise<Me> => {
      const locale: Locale = i18n.language === 'en' ? 'en' : 'ru';
      const res = await api.post<LoginResult>('/api/auth/register', { ...input, locale });
      setCsrfToken(res.csrfToken);
      const me = await loadMe();
      if (!me) throw new ApiError('unauthenticated', 'The session was not opened', 401);
      chosenWhileAnonymous.current = false;
      apply(me.user.locale);
      setState({ status: 'user', me });
      return me;
    },
    [apply, i18n, loadMe],
  );

  const refresh = useCallback(async () => {
    const me = await loadMe().catch(() => null);
    setState(me ? { status: 'user', me } : { status: 'anonymous' });
  }, [loadMe]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      apply(locale);
      if (state.status !== 'user') {
        chosenWhileAnonymous.current = true;
        return;
      }
      setState({ status: 'user', me: { ...state.me, user: { ...state.me.user, locale } } });
      // Best effort: the language stays chosen in this browser even if saving it fails.
      await api.put('/api/auth/me/locale', { locale }).catch(() => undefined);
    },
    [apply, state],
  );

  const session = useMemo<Session>(
    () => ({ state, login, register, refresh, logout, changeLocale }),
    [state, login, register, refresh, logout, changeLocale],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
