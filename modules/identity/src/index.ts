import { fileURLToPath } from 'node:url';
import type { ZemstvoModule } from '@zemstvo/http';
import { makeDeliverMail, MAIL_SEND_JOB } from './application/deliver-mail.ts';
import type { IdentityProvider } from './domain/identity-provider.ts';
import { makeIdentityRoutes } from './http/routes.ts';
import { OpenIdConnectProvider, type OidcProviderConfig } from './infra/openid-connect-provider.ts';
import { smtpMailer } from './infra/smtp-mailer.ts';
import { defaultRateLimits, type AuthRateLimits } from './settings.ts';

export { makeAuthenticate, SESSION_COOKIE } from './application/authenticate.ts';
export {
  makeTokenAuthenticator,
  type TokenAuthenticator,
  type TokenAuthResult,
} from './application/authenticate-token.ts';
export { createUser, isValidEmail, type CreateUserInput } from './application/create-user.ts';
export {
  login,
  logout,
  openSession,
  type LoginOutcome,
  type NewSession,
  MAX_FAILED_LOGINS,
  LOCKOUT_MS,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from './application/login.ts';
export { hashPassword, verifyPassword, checkPasswordPolicy } from './application/passwords.ts';
export { enqueueMail, MAIL_SEND_JOB, type Mailer } from './application/deliver-mail.ts';
export { RESET_LINK_TTL_MS } from './application/request-password-reset.ts';
export { TOKEN_PREFIX } from './application/token-management.ts';
export type {
  ExternalClaims,
  IdentityProvider,
  AuthorizationRequest,
  CallbackInput,
} from './domain/identity-provider.ts';
export {
  OpenIdConnectProvider,
  oidcProviderConfigSchema,
  oidcProvidersSchema,
  type OidcProviderConfig,
} from './infra/openid-connect-provider.ts';
export { usersRepo, publicUser, type UserRecord } from './infra/users.repository.ts';
export { defaultRateLimits, type AuthRateLimits } from './settings.ts';

export interface IdentityOptions {
  /** smtp://… or smtps://…; without it mail stays in the outbox (development). */
  smtpUrl?: string | undefined;
  mailFrom?: string;
  rateLimits?: Partial<AuthRateLimits>;
  /** Generic OpenID Connect providers (OIDC_PROVIDERS). */
  oidcProviders?: readonly OidcProviderConfig[];
  /** Accept http:// issuers: development against a local provider only. */
  allowInsecureIssuers?: boolean;
  /** Other implementations of IdentityProvider (an ESIA adapter, …). */
  providers?: readonly IdentityProvider[];
}

/** The identity module configured for one installation (mail delivery, throttling, providers). */
export function createIdentityModule(options: IdentityOptions = {}): ZemstvoModule {
  const providers: IdentityProvider[] = [
    ...(options.oidcProviders ?? []).map(
      (c) => new OpenIdConnectProvider(c, options.allowInsecureIssuers ?? false),
    ),
    ...(options.providers ?? []),
  ];
  const byName = new Map(providers.map((p) => [p.name, p]));
  if (byName.size !== providers.length) throw new Error('Identity providers need unique names');
  const mailer = options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.mailFrom ?? 'Zemstvo <no-reply@zemstvo.local>')
    : null;
  return {
    name: 'identity',
    migrations: { module: 'identity', dir: fileURLToPath(new URL('../migrations', import.meta.url)) },
    permissions: [
      {
        key: 'token.manage',
        label: { ru: 'Управление API-токенами', en: 'Manage API tokens' },
        dependsOn: ['municipality.view'],
      },
    ],
    jobs: { [MAIL_SEND_JOB]: makeDeliverMail(mailer) },
    routes: makeIdentityRoutes({
      rateLimits: { ...defaultRateLimits, ...options.rateLimits },
      providers: byName,
    }),
  };
}

/** The module with defaults (no SMTP, no providers): for listings of migrations and permissions. */
export const identityModule: ZemstvoModule = createIdentityModule();
