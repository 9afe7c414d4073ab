import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionFrom, type TestPlatform } from '@zemstvo/server/testing/index';

describe('resident self-registration', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(async () => p.close());

  const register = (payload: Record<string, unknown>) =>
    p.app.inject({ method: 'POST', url: '/api/auth/register', payload });

  it('creates a resident, signs them in, and audits the new account', async () => {
    const res = await register({
      email: 'Maria.Novak@example.org',
      displayName: '  Мария Новак ',
      password: 'a long enough secret',
      locale: 'en',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: 'Maria.Novak@example.org',
      displayName: 'Мария Новак',
      kind: 'resident',
      regionId: null,
      locale: 'en',
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    const s = sessionFrom(res);
    const me = await p.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);
    expect(me.json().memberships).toEqual([]);

    const audit = await p.db.query<{ action: string; actor: string; after: { email: string } }>(
      `SELECT action, actor, after FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY seq`,
      [body.user.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'user.logged_in']);
    expect(audit[0]!.actor).toBe('anonymous');
    expect(audit[0]!.after.email).toBe('Maria.Novak@example.org');
    expect(JSON.stringify(audit)).not.toContain('argon2');

    // The new resident can sign in again with the password.
    const again = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'maria.novak@example.org', password: 'a long enough secret' },
    });
    expect(again.statusCode).toBe(200);
  });

  it('refuses a taken e-mail with 409 email_taken, whatever its case', async () => {
    const res = await register({
      email: 'RESIDENT@demo.zemstvo.ru',
      displayName: 'Двойник',
      password: 'another secret 123',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
  });

  it('applies the password policy', async () => {
    const weak = async (password: string, email = 'weak@example.org') => {
      const res = await register({ email, displayName: 'Слабый Пароль', password });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('weak_password');
    };
    await weak('short1');
    await weak('aaaaaaaaaaaaaaaa');
    await weak('ivan.petrov-2026!', 'ivan.petrov@example.org');
    await weak('x'.repeat(150) + 'y'.repeat(60));
    const users = await p.db.query('SELECT 1 FROM users WHERE email IN ($1, $2)', [
      'weak@example.org',
      'ivan.petrov@example.org',
    ]);
    expect(users).toEqual([]);
  });

  it('validates the input and answers with the error shape', async () => {
    const missing = await register({ email: 'someone@example.org', password: 'a long enough secret' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('validation_failed');
    expect(missing.json().error.details[0].path).toBe('displayName');

    const badEmail = await register({
      email: 'not-an-email',
      displayName: 'Кто-то',
      password: 'a long enough secret',
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.code).toBe('bad_email');

    const badLocale = await register({
      email: 'x@example.org',
      displayName: 'X',
      password: 'a long enough secret',
      locale: 'de',
    });
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.json().error.code).toBe('validation_failed');
  });

  it('throttles sign-ups per IP', async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < 60; i++) {
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: {},
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(400);
    }
    const limited = await p.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {},
      remoteAddress: ip,
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
