import { newSecret, sha256Hex, type Ctx } from '@zemstvo/kernel';
import type { IdentityProvider } from '../domain/identity-provider.ts';
import { loginFlowsRepo } from '../infra/login-flows.repository.ts';

export const LOGIN_FLOW_TTL_MS = 10 * 60_000;

/** Runs a function in one transaction with a ctx (a request's `useCase`). */
export type RunInTransaction = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

export interface StartedExternalLogin {
  /** Where to send the browser. */
  redirectUrl: string;
  /** Value of the flow cookie that binds the callback to this browser; only its hash is stored. */
  flowSecret: string;
  expiresAt: Date;
}

/**
 * Starts a sign-in at an external provider: the provider builds the authorization URL (state,
 * nonce, PKCE; network I/O, outside any transaction), and the flow is stored under the hash of a
 * browser-bound secret for ten minutes.
 */
export async function startExternalLogin(
  runInTx: RunInTransaction,
  provider: IdentityProvider,
  input: { redirectUri: string; returnTo: string },
): Promise<StartedExternalLogin> {
  const request = await provider.start(input.redirectUri);
  const flowSecret = newSecret();
  const expiresAt = await runInTx(async (ctx) => {
    const now = ctx.clock.now();
    const expires = new Date(now.getTime() + LOGIN_FLOW_TTL_MS);
    await loginFlowsRepo.insert(
      ctx.tx,
      sha256Hex(flowSecret),
      {
        provider: provider.name,
        state: request.state,
        nonce: request.nonce,
        codeVerifier: request.codeVerifier,
        returnTo: input.returnTo,
        expiresAt: expires,
      },
      now,
    );
    return expires;
  });
  return { redirectUrl: request.url, flowSecret, expiresAt };
}
