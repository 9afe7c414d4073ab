import * as oidc from 'openid-client';
import { z } from 'zod';
import { AppError, type LocalizedText } from '@zemstvo/kernel';
import type {
  AuthorizationRequest,
  CallbackInput,
  ExternalClaims,
  IdentityProvider,
} from '../domain/identity-provider.ts';

/** One entry of OIDC_PROVIDERS (a JSON array). */
export const oidcProviderConfigSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'provider name: lowercase latin letters, digits, dashes'),
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  /** How the client authenticates at the token endpoint; `none` for public clients (PKCE only). */
  tokenEndpointAuthMethod: z
    .enum(['client_secret_basic', 'client_secret_post', 'none'])
    .default('client_secret_basic'),
  scopes: z.array(z.string().regex(/^\S+$/)).default(['openid', 'email', 'profile']),
  label: z.object({ ru: z.string().min(1), en: z.string().min(1) }),
  trustEmail: z.boolean().default(false),
});
export type OidcProviderConfig = z.infer<typeof oidcProviderConfigSchema>;

export const oidcProvidersSchema = z
  .array(oidcProviderConfigSchema)
  .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, 'provider names must be unique');

const unavailable = (name: string, e: unknown) =>
  new AppError(
    'provider_unavailable',
    `The identity provider ${name} cannot be reached: ${(e as Error).message}`,
    502,
  );

/**
 * A generic OpenID Connect provider (authorization code flow with PKCE, state and nonce) built on
 * openid-client. Discovery runs on first use and is cached; a failed discovery is retried next time.
 */
export class OpenIdConnectProvider implements IdentityProvider {
  readonly name: string;
  readonly label: LocalizedText;
  readonly trustEmail: boolean;
  #config: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly settings: OidcProviderConfig,
    /** Allow an http:// issuer (development against a local provider only). */
    private readonly allowInsecure = false,
  ) {
    this.name = settings.name;
    this.label = settings.label;
    this.trustEmail = settings.trustEmail;
  }

  async start(redirectUri: string): Promise<AuthorizationRequest> {
    const config = await this.#discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes.join(' '),
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  async callback(input: CallbackInput): Promise<ExternalClaims> {
    const config = await this.#discover();
    const error = input.callbackUrl.searchParams.get('error');
    if (error)
      throw new AppError('provider_denied', `The identity provider answered: ${error}`, 401, {
        error,
        description: input.callbackUrl.searchParams.get('error_description'),
      });
    try {
      const tokens = await oidc.authorizationCodeGrant(
        config,
        input.callbackUrl,
        {
          pkceCodeVerifier: input.codeVerifier,
          expectedState: input.state,
          expectedNonce: input.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: input.redirectUri },
      );
      const idToken = tokens.claims();
      if (!idToken)
        throw new AppError('provider_response_invalid', 'The identity provider sent no ID token', 401);
      // Many providers put profile and e-mail claims only in UserInfo, not in the ID token.
      const userInfo = config.serverMetadata().userinfo_endpoint
        ? await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)
        : {};
      return toExternalClaims({ ...idToken, ...userInfo, sub: idToken.sub });
    } catch (e) {
      throw this.#explain(e);
    }
  }

  #explain(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (e instanceof oidc.ResponseBodyError || e instanceof oidc.AuthorizationResponseError)
      return new AppError('provider_rejected', `The identity provider refused the sign-in: ${e.error}`, 401);
    if (e instanceof TypeError || (e as { code?: string }).code === 'OAUTH_TIMEOUT')
      return unavailable(this.name, e);
    return new AppError(
      'provider_response_invalid',
      `The identity provider's answer failed verification: ${(e as Error).message}`,
      401,
    );
  }

  #discover(): Promise<oidc.Configuration> {
    if (!this.#config) {
      const s = this.settings;
      const auth =
        s.tokenEndpointAuthMethod === 'none'
          ? oidc.None()
          : s.tokenEndpointAuthMethod === 'client_secret_post'
            ? oidc.ClientSecretPost(s.clientSecret)
            : oidc.ClientSecretBasic(s.clientSecret);
      this.#config = oidc
        .discovery(new URL(s.issuer), s.clientId, undefined, auth, {
          timeout: 10,
          ...(this.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        })
        .catch((e: unknown) => {
          this.#config = null;
          throw unavailable(this.name, e);
        });
    }
    return this.#config;
  }
}

function toExternalClaims(c: { sub: string } & Record<string, unknown>): ExternalClaims {
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const given = str(c.given_name);
  const family = str(c.family_name);
  const locale = str(c.locale)?.slice(0, 2).toLowerCase();
  return {
    subject: c.sub,
    email: str(c.email),
    emailVerified: c.email_verified === true,
    displayName: str(c.name) ?? ([given, family].filter(Boolean).join(' ') || null),
    locale: locale === 'ru' || locale === 'en' ? locale : null,
  };
}
