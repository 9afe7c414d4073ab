import { writeAudit } from '@zemstvo/audit';
import { AppError, badRequest, conflict, sha256Hex, type Ctx } from '@zemstvo/kernel';
import type { ExternalClaims, IdentityProvider } from '../domain/identity-provider.ts';
import { identityLinksRepo } from '../infra/identity-links.repository.ts';
import { loginFlowsRepo, type LoginFlow } from '../infra/login-flows.repository.ts';
import { usersRepo, type UserRecord } from '../infra/users.repository.ts';
import { createUser, isValidEmail } from './create-user.ts';
import { openSession, type NewSession } from './login.ts';
import type { RunInTransaction } from './start-external-login.ts';

const flowInvalid = () =>
  badRequest(
    'login_flow_invalid',
    'This sign-in was not started in this browser, was already used or has expired; start again',
  );

export interface FinishExternalLoginInput {
  /** The flow cookie set by the start; absent when the callback comes to another browser. */
  flowSecret: string | undefined;
  callbackUrl: URL;
  redirectUri: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Completes a sign-in at an external provider in three steps, so that no transaction waits on the
 * network: take the single-use flow; let the provider verify the callback (state, nonce, PKCE,
 * ID token); then find the linked user, or link or create a resident, and open a session.
 */
export async function finishExternalLogin(
  runInTx: RunInTransaction,
  provider: IdentityProvider,
  input: FinishExternalLoginInput,
): Promise<NewSession & { returnTo: string }> {
  const secret = input.flowSecret;
  if (!secret) throw flowInvalid();
  const flow = await runInTx((ctx) => takeFlow(ctx, secret, provider.name));
  if (input.callbackUrl.searchParams.get('state') !== flow.state) throw flowInvalid();
  const claims = await provider.callback({
    callbackUrl: input.callbackUrl,
    redirectUri: input.redirectUri,
    state: flow.state,
    nonce: flow.nonce,
    codeVerifier: flow.codeVerifier,
  });
  const session = await runInTx(async (ctx) => {
    const user = await userForClaims(ctx, provider, claims);
    return openSession(ctx, user, input.ip, input.userAgent);
  });
  return { ...session, returnTo: flow.returnTo };
}

async function takeFlow(ctx: Ctx, secret: string, providerName: string): Promise<LoginFlow> {
  const flow = await loginFlowsRepo.take(ctx.tx, sha256Hex(secret));
  if (!flow || flow.provider !== providerName || flow.expiresAt <= ctx.clock.now()) throw flowInvalid();
  return flow;
}

/**
 * The user behind an external identity: the linked one; else an existing resident with the same
 * e-mail when the provider is trusted for e-mail and says it is verified; else a new resident.
 * Staff, regional and operator accounts are never linked by e-mail alone.
 */
async function userForClaims(
  ctx: Ctx,
  provider: IdentityProvider,
  claims: ExternalClaims,
): Promise<UserRecord> {
  const linkedId = await identityLinksRepo.userIdOf(ctx.tx, provider.name, claims.subject);
  if (linkedId) {
    const linked = await usersRepo.byId(ctx.tx, linkedId);
    if (!linked) throw new AppError('account_missing', 'The linked account no longer exists', 401);
    if (linked.disabledAt) throw new AppError('account_disabled', 'This account is disabled', 403);
    return linked;
  }
  const trustedEmail =
    claims.email && isValidEmail(claims.email) && claims.emailVerified && provider.trustEmail
      ? claims.email
      : null;
  const existing = claims.email ? await usersRepo.byEmail(ctx.tx, claims.email) : undefined;
  let user: UserRecord;
  if (existing) {
    if (!trustedEmail || existing.kind !== 'resident')
      throw conflict('email_taken', 'An account with this e-mail already exists: sign in with its password', {
        provider: provider.name,
      });
    if (existing.disabledAt) throw new AppError('account_disabled', 'This account is disabled', 403);
    user = existing;
  } else {
    const verified =
      claims.email && isValidEmail(claims.email) && (claims.emailVerified || provider.trustEmail);
    user = await createUser(ctx, {
      email: verified ? claims.email! : placeholderEmail(provider.name, claims.subject),
      displayName: (claims.displayName ?? claims.email?.split('@')[0] ?? 'Житель').slice(0, 200),
      kind: 'resident',
      locale: claims.locale ?? 'ru',
      password: null,
    });
  }
  await identityLinksRepo.insert(ctx.tx, {
    provider: provider.name,
    subject: claims.subject,
    userId: user.id,
    now: ctx.clock.now(),
  });
  await writeAudit(ctx, {
    action: 'user.identity_linked',
    entity: 'user',
    entityId: user.id,
    after: { provider: provider.name, subject: claims.subject },
    municipalityId: null,
  });
  return user;
}

/** An address that can never receive mail, for people whose provider shares no verified e-mail. */
function placeholderEmail(provider: string, subject: string): string {
  return `${provider}-${sha256Hex(subject).slice(0, 24)}@users.invalid`;
}
