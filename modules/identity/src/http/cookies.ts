/** The session cookie: HTTP-only, SameSite=Lax, Secure outside development. */
export const sessionCookieOptions = (devMode: boolean, expires: Date) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: !devMode,
  expires,
});

/** The cookie binding an external sign-in to the browser that started it. */
export const LOGIN_FLOW_COOKIE = 'zs_oidc';
export const LOGIN_FLOW_COOKIE_PATH = '/api/auth/oidc/';
export const loginFlowCookieOptions = (devMode: boolean, expires: Date) => ({
  path: LOGIN_FLOW_COOKIE_PATH,
  httpOnly: true,
  // Lax: the cookie comes along on the provider's top-level GET redirect back to the callback.
  sameSite: 'lax' as const,
  secure: !devMode,
  expires,
});
