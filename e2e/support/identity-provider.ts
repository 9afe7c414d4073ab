import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccountClaims } from 'oidc-provider';

export interface TestIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A local OpenID Connect provider (oidc-provider with its development sign-in pages: any password
 * is accepted for a known login) for one client whose callback is on `zemstvoUrl`.
 */
export async function startIdentityProvider(opts: {
  zemstvoUrl: string;
  providerName: string;
  clientId: string;
  accounts: Record<string, Omit<AccountClaims, 'sub'>>;
}): Promise<TestIdentityProvider> {
  let handler: Parameters<typeof createServer>[1] = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler?.(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: `${opts.clientId}-secret`,
        redirect_uris: [`${opts.zemstvoUrl}/api/auth/oidc/${opts.providerName}/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: async (_ctx, sub) => {
      const claims = opts.accounts[sub];
      return claims && { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'locale'],
    },
    cookies: { keys: ['e2e-cookie-key'] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback();
  return {
    issuer,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
