import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccountClaims } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, firstForm } from '../test/browser.ts';
import { createConfiguredTestPlatform, type ConfiguredTestPlatform } from '../test/configured-platform.ts';

/** People known to the test identity provider, by the login typed into its sign-in form. */
const ACCOUNTS: Record<string, Omit<AccountClaims, 'sub'>> = {
  alice: { email: 'alice@example.org', email_verified: true, name: 'Алиса Иванова', locale: 'en-GB' },
  elena: { email: 'resident@demo.zemstvo.ru', email_verified: true, name: 'Елена Ж.' },
  staffer: { email: 'admin@zarechny.demo.zemstvo.ru', email_verified: true, name: 'Not the admin' },
  nomail: { given_name: 'Борис', family_name: 'Безпочтов' },
};

async function listen(server: Server, port = 0): Promise<number> {
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const s = createServer();
  const port = await listen(s);
  s.close();
  await once(s, 'close');
  return port;
}

describe('sign-in through an OIDC provider (real HTTP, local oidc-provider)', () => {
  let idp: Server;
  let p: ConfiguredTestPlatform;
  let zemstvo: string;

  beforeAll(async () => {
    // Zemstvo's port, held until its server listens: a port closed at once could be taken by a
    // test file running in parallel while the platform is made (its URL is in the provider's config).
    const reserved = createServer();
    const port = await listen(reserved);
    zemstvo = `http://127.0.0.1:${port}`;
    let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    idp = createServer((req, res) => handler(req, res));
    const issuer = `http://127.0.0.1:${await listen(idp)}`;
    const client = (id: string, name: string) => ({
      client_id: id,
      client_secret: `${id}-secret`,
      redirect_uris: [`${zemstvo}/api/auth/oidc/${name}/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    });
    const provider = new Provider(issuer, {
      clients: [client('zemstvo', 'testid'), client('zemstvo-plain', 'plain')],
      findAccount: async (_ctx, sub) => {
        const claims = ACCOUNTS[sub];
        return claims && { accountId: sub, claims: () => ({ sub, ...claims }) };
      },
      claims: {
        openid: ['sub'],
        email: ['email', 'email_verified'],
        profile: ['name', 'given_name', 'family_name', 'locale'],
      },
      cookies: { keys: ['test-cookie-key'] },
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

    const entry = (name: string, clientId: string, trustEmail: boolean) => ({
      name,
      issuer,
      clientId,
      clientSecret: `${clientId}-secret`,
      label: { ru: `Вход ${name}`, en: `Sign in with ${name}` },
      trustEmail,
    });
    // A provider whose issuer does not answer (a port nobody listens on).
    const down = { ...entry('down', 'zemstvo', false), issuer: `http://127.0.0.1:${await freePort()}` };
    p = await createConfiguredTestPlatform({
      PUBLIC_URL: zemstvo,
      OIDC_PROVIDERS: JSON.stringify([
        entry('testid', 'zemstvo', true),
        entry('plain', 'zemstvo-plain', false),
        down,
      ]),
    });
    reserved.close();
    await once(reserved, 'close');
    await p.app.listen({ port, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await p?.close();
    idp?.close();
  });

  const url = (path: string) => new URL(path, zemstvo);

  /** Follows the flow from the start route through the provider's forms; returns the callback URL. */
  async function throughProvider(
    browser: TestBrowser,
    start: URL,
    login: string,
    abort = false,
  ): Promise<URL> {
    let next = start;
    for (let step = 0; step < 20; step++) {
      const res = await browser.request(next);
      if (res.status >= 300 && res.status < 400) {
        next = new URL(res.headers.get('location')!, next);
        if (next.origin === zemstvo && next.pathname.endsWith('/callback')) return next;
        continue;
      }
      const html = await res.text();
      expect(res.status, html.slice(0, 500)).toBe(200);
      const form = firstForm(html);
      const action = new URL(form.action, next);
      if (abort) {
        next = new URL(`${action.pathname}/abort`, action);
        continue;
      }
      const fields =
        form.fields.prompt === 'login' ? { ...form.fields, login, password: 'any' } : form.fields;
      const posted = await browser.request(action, { method: 'POST', form: fields });
      expect(posted.status).toBeGreaterThanOrEqual(300);
      next = new URL(posted.headers.get('location')!, action);
      if (next.origin === zemstvo && next.pathname.endsWith('/callback')) return next;
    }
    throw new Error('the sign-in did not come back');
  }

  async function signIn(login: string, provider = 'testid', returnTo = '/') {
    const browser = new TestBrowser();
    const start = url(`/api/auth/oidc/${provider}/start?returnTo=${encodeURIComponent(returnTo)}`);
    const callback = await throughProvider(browser, start, login);
    const res = await browser.request(callback);
    return { browser, res, callback };
  }

  async function me(browser: TestBrowser) {
    return (await browser.request(url('/api/auth/me'))).json() as Promise<{
      user: { id: string; email: string; displayName: string; kind: string; locale: string };
    }>;
  }

  it('lists the providers for the login page', async () => {
    const res = await fetch(url('/api/auth/providers'));
    expect(await res.json()).toEqual({
      items: [
        {
          name: 'testid',
          label: { ru: 'Вход testid', en: 'Sign in with testid' },
          startUrl: '/api/auth/oidc/testid/start',
        },
        {
          name: 'plain',
          label: { ru: 'Вход plain', en: 'Sign in with plain' },
          startUrl: '/api/auth/oidc/plain/start',
        },
        {
          name: 'down',
          label: { ru: 'Вход down', en: 'Sign in with down' },
          startUrl: '/api/auth/oidc/down/start',
        },
      ],
    });
  });

  it('starts with state, nonce and PKCE, bound to the browser by an HTTP-only cookie', async () => {
    const res = await fetch(url('/api/auth/oidc/testid/start'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    const q = to.searchParams;
    expect(q.get('client_id')).toBe('zemstvo');
    expect(q.get('redirect_uri')).toBe(`${zemstvo}/api/auth/oidc/testid/callback`);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zs_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc\//);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('creates a resident on first sign-in, and signs the same person in again later', async () => {
    const flowsBefore = await p.db.query('SELECT 1 FROM login_flows');
    const first = await signIn('alice', 'testid', '/cabinet');
    expect(first.res.status).toBe(302);
    expect(first.res.headers.get('location')).toBe('/cabinet');
    expect(first.browser.cookie(zemstvo, 'zs_session')).toBeTruthy();
    expect(first.browser.cookie(zemstvo, 'zs_oidc')).toBeUndefined();
    const who = await me(first.browser);
    expect(who.user).toMatchObject({
      email: 'alice@example.org',
      displayName: 'Алиса Иванова',
      kind: 'resident',
      locale: 'en',
    });

    const links = await p.db.query<{ provider: string; subject: string; user_id: string }>(
      'SELECT provider, subject, user_id FROM identity_links WHERE user_id = $1',
      [who.user.id],
    );
    expect(links).toEqual([{ provider: 'testid', subject: 'alice', user_id: who.user.id }]);
    const audit = await p.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq',
      [who.user.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'user.identity_linked', 'user.logged_in']);

    const second = await signIn('alice');
    expect(second.res.headers.get('location')).toBe('/');
    expect((await me(second.browser)).user.id).toBe(who.user.id);
    const users = await p.db.query('SELECT 1 FROM users WHERE lower(email) = $1', ['alice@example.org']);
    expect(users).toHaveLength(1);
    // Completed flows are gone (only abandoned ones wait for their expiry).
    expect(await p.db.query('SELECT 1 FROM login_flows')).toHaveLength(flowsBefore.length);
  });

  it('links an existing resident by an e-mail the trusted provider verified', async () => {
    const { res, browser } = await signIn('elena');
    expect(res.status).toBe(302);
    const who = await me(browser);
    expect(who.user).toMatchObject({ email: 'resident@demo.zemstvo.ru', displayName: 'Елена Жителева' });
  });

  it('does not link by e-mail through a provider not trusted for e-mail, nor ever to a staff account', async () => {
    const untrusted = await signIn('elena', 'plain');
    expect(untrusted.res.status).toBe(409);
    expect((await untrusted.res.json()).error.code).toBe('email_taken');
    expect(untrusted.browser.cookie(zemstvo, 'zs_session')).toBeUndefined();

    const staff = await signIn('staffer');
    expect(staff.res.status).toBe(409);
    expect((await staff.res.json()).error.code).toBe('email_taken');
  });

  it('creates an account with an undeliverable address when the provider shares no e-mail', async () => {
    const { res, browser } = await signIn('nomail');
    expect(res.status).toBe(302);
    const who = await me(browser);
    expect(who.user.displayName).toBe('Борис Безпочтов');
    expect(who.user.email).toMatch(/^testid-[0-9a-f]{24}@users\.invalid$/);
  });

  it('refuses a callback in another browser (login CSRF) and a replayed callback', async () => {
    const victim = new TestBrowser();
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, url('/api/auth/oidc/testid/start'), 'alice');
    const elsewhere = await victim.request(callback);
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).error.code).toBe('login_flow_invalid');
    expect(victim.cookie(zemstvo, 'zs_session')).toBeUndefined();

    // The browser that started the flow still completes it, once.
    expect((await browser.request(callback)).status).toBe(302);
    const replay = await browser.request(callback);
    expect(replay.status).toBe(400);
    expect((await replay.json()).error.code).toBe('login_flow_invalid');
  });

  it('refuses a callback whose state does not match the flow', async () => {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, url('/api/auth/oidc/testid/start'), 'alice');
    callback.searchParams.set('state', 'forged-state');
    const res = await browser.request(callback);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('login_flow_invalid');
  });

  it('reports a sign-in the person cancelled at the provider', async () => {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, url('/api/auth/oidc/testid/start'), 'alice', true);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const res = await browser.request(callback);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('provider_denied');
  });

  it('answers 502 provider_unavailable when the provider cannot be reached', async () => {
    const res = await fetch(url('/api/auth/oidc/down/start'), { redirect: 'manual' });
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('provider_unavailable');
  });

  it('answers unknown providers and unsafe return paths with the error shape', async () => {
    const unknown = await fetch(url('/api/auth/oidc/nope/start'), { redirect: 'manual' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('provider_not_found');
    for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await fetch(url(`/api/auth/oidc/testid/start?returnTo=${encodeURIComponent(bad)}`), {
        redirect: 'manual',
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
    const noFlow = await fetch(url('/api/auth/oidc/testid/callback?code=x&state=y'), { redirect: 'manual' });
    expect(noFlow.status).toBe(400);
    expect((await noFlow.json()).error.code).toBe('login_flow_invalid');
    // A browser navigation is sent back to the login page, which translates the code.
    const navigated = await fetch(url('/api/auth/oidc/testid/callback?code=x&state=y'), {
      redirect: 'manual',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(navigated.status).toBe(302);
    expect(navigated.headers.get('location')).toBe('/login?error=login_flow_invalid');
  });
});
