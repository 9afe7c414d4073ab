import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@zemstvo/kernel';
import { DEMO_PASSWORD } from '@zemstvo/server';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing/index';
import { LOCKOUT_MS, SESSION_IDLE_MS, SESSION_MAX_MS } from '../application/login.ts';

const HOUR = 3_600_000;

describe('sign-in security', () => {
  const clock = new ManualClock(new Date());
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({ clock });
  });
  afterAll(async () => p.close());

  const login = (email: string, password: string, remoteAddress = '192.0.2.10') =>
    p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
  const me = (cookie: string) => p.app.inject({ url: '/api/auth/me', headers: { cookie } });

  it('locks an account after five wrong passwords, even against the right one, until 15 minutes pass', async () => {
    const email = 'resident2@demo.zemstvo.ru';
    for (let i = 1; i <= 5; i++) {
      const res = await login(email, `wrong-password-${i}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const locked = await login(email, DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    expect(new Date(locked.json().error.details.lockedUntil).getTime()).toBe(
      clock.now().getTime() + LOCKOUT_MS,
    );

    clock.advance(LOCKOUT_MS - 1000);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(423);
    clock.advance(2000);
    const unlocked = await login(email, DEMO_PASSWORD);
    expect(unlocked.statusCode).toBe(200);
    // The count starts again from zero: one wrong password does not lock.
    expect((await login(email, 'wrong-again-1')).statusCode).toBe(401);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('throttles sign-in per IP with 429 rate_limited and Retry-After', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 60; i++) {
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: {},
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(400);
    }
    const limited = await login('resident@demo.zemstvo.ru', DEMO_PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect((await login('resident@demo.zemstvo.ru', DEMO_PASSWORD, '203.0.113.8')).statusCode).toBe(200);
  });

  it('throttles sign-in per account, whatever the IP', async () => {
    const email = 'analyst@sosnovka.demo.zemstvo.ru';
    for (let i = 0; i < 20; i++) {
      const res = await login(email, `guess-${i}`, `198.51.100.${i + 1}`);
      expect([401, 423]).toContain(res.statusCode);
    }
    const limited = await login(email, DEMO_PASSWORD, '198.51.100.200');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // E-mails are compared without case and spaces: no way around the counter.
    expect(
      (await login(' ANALYST@sosnovka.demo.zemstvo.ru', DEMO_PASSWORD, '198.51.100.201')).statusCode,
    ).toBe(429);
  });

  it('ends a session after 12 idle hours', async () => {
    const s = await p.loginAs('head@zarechny.demo.zemstvo.ru');
    expect((await me(s.cookie)).statusCode).toBe(200);
    clock.advance(SESSION_IDLE_MS + 60_000);
    const res = await me(s.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('keeps an active session alive, but never beyond 30 days', async () => {
    const s = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    const started = clock.now().getTime();
    let lastOk = started;
    for (;;) {
      clock.advance(11 * HOUR);
      if ((await me(s.cookie)).statusCode !== 200) break;
      lastOk = clock.now().getTime();
    }
    expect(lastOk - started).toBeGreaterThan(SESSION_MAX_MS - 11 * HOUR);
    expect(clock.now().getTime() - started).toBeGreaterThan(SESSION_MAX_MS);
    expect(clock.now().getTime() - started).toBeLessThanOrEqual(SESSION_MAX_MS + 11 * HOUR);
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const s = await p.loginAs('deputy@zarechny.demo.zemstvo.ru');
    const out = await p.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'zs_session')?.value).toBe('');
    // The old cookie, replayed, no longer signs anyone in.
    const replay = await me(s.cookie);
    expect(replay.statusCode).toBe(401);
    const rows = await p.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`,
      ['deputy@zarechny.demo.zemstvo.ru'],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a cookie-authenticated change without the right X-CSRF-Token', async () => {
    const s = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
    const put = (headers: Record<string, string>) =>
      p.app.inject({ method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'en' }, headers });
    const missing = await put({ cookie: s.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const wrong = await put({ cookie: s.cookie, 'x-csrf-token': `${s.csrfToken.slice(0, -2)}xx` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('csrf_failed');
    const other = await p.loginAs('approver@zarechny.demo.zemstvo.ru');
    const foreign = await put({ cookie: s.cookie, 'x-csrf-token': other.csrfToken });
    expect(foreign.json().error.code).toBe('csrf_failed');
    expect((await put(s.headers)).statusCode).toBe(204);
  });

  it('tells any page who is signed in: me: null for an anonymous or expired cookie, the /me card otherwise', async () => {
    const session = (cookie?: string) =>
      p.app.inject({ url: '/api/auth/session', headers: cookie ? { cookie } : {} });
    const anonymous = await session();
    expect([anonymous.statusCode, anonymous.json()]).toEqual([200, { me: null }]);
    expect((await session('zs_session=not-a-session')).json()).toEqual({ me: null });

    const s = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');
    const signedIn = await session(s.cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().me).toEqual((await me(s.cookie)).json());
    expect(signedIn.json().me).toMatchObject({
      user: { email: 'registrar@zarechny.demo.zemstvo.ru' },
      csrfToken: s.csrfToken,
      memberships: [expect.objectContaining({ slug: 'zarechny' })],
    });

    await p.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect((await session(s.cookie)).json()).toEqual({ me: null });
  });
});
