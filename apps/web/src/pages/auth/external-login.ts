/**
 * The error code an external sign-in came back with, from the login page's query string
 * (`/login?error=provider_denied`). Only code-like values count: the page shows translated texts
 * for them and never echoes the parameter itself.
 */
export function externalLoginError(search: string): string | null {
  const code = new URLSearchParams(search).get('error');
  return code !== null && /^[a-z][a-z0-9_]{0,63}$/.test(code) ? code : null;
}

/** The codes the OIDC callback answers with (modules/identity/src/http/oidc-routes.ts). */
export const EXTERNAL_LOGIN_ERRORS = [
  'login_flow_invalid',
  'provider_denied',
  'provider_rejected',
  'provider_response_invalid',
  'provider_unavailable',
  'provider_not_found',
  'email_taken',
  'account_disabled',
  'account_missing',
] as const;

/**
 * The address that starts signing in at a provider and comes back to `returnTo` (a path on this
 * site; anything else, such as `//host` or a full URL, falls back to the start page).
 */
export function providerStartHref(startUrl: string, returnTo: string | undefined): string {
  const path = returnTo && /^\/(?![/\\])[^\s\\]*$/.test(returnTo) ? returnTo : '/';
  return `${startUrl}?${new URLSearchParams({ returnTo: path }).toString()}`;
}
