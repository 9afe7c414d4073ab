import type { LocalizedText } from '@zemstvo/kernel';

/** What an external identity provider vouches for about the person who signed in there. */
export interface ExternalClaims {
  /** The provider's stable id of the person (OIDC `sub`, ESIA `oid`). */
  subject: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string | null;
  locale: 'ru' | 'en' | null;
}

/** Where to send the browser, and the secrets the callback must be checked against. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CallbackInput {
  /** The full URL the provider redirected the browser to (code, state, iss, or an error). */
  callbackUrl: URL;
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * An external sign-in (OIDC, ESIA-style). `start` builds the authorization URL with state, nonce
 * and PKCE; `callback` exchanges the code and returns verified claims, or throws an AppError.
 * Implementations do network I/O and must never be called inside a database transaction.
 */
export interface IdentityProvider {
  /** URL-safe name used in routes: /api/auth/oidc/:name/start. */
  readonly name: string;
  readonly label: LocalizedText;
  /**
   * Whether an e-mail the provider marks verified may link the sign-in to an existing resident
   * account with that e-mail (true for providers that really verify, such as ESIA).
   */
  readonly trustEmail: boolean;
  start(redirectUri: string): Promise<AuthorizationRequest>;
  callback(input: CallbackInput): Promise<ExternalClaims>;
}
