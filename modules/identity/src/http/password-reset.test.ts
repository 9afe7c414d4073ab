import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, sha256Hex } from '@zemstvo/kernel';
import { DEMO_PASSWORD } from '@zemstvo/server';
import { createTestPlatform, type TestPlatform } from '@zemstvo/server/testing/index';
import { RESET_LINK_TTL_MS } from '../application/request-password-reset.ts';

interface Mail {
  to: string;
  subject: string;
  bodyText: string;
  sentAt: string | null;
}

describe('password reset by e-mail link (no SMTP: mail stays in the outbox)', () => {
  const clock = new ManualClock(new Date());
  let p: TestPlatform;
  let operator: Record<string, string>;
  let ipCounter = 0;
  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    operator = (await p.loginAs('operator@demo.zemstvo.ru')).headers;
  });
  afterAll(async () => p.close());

  // A fresh client address per call, so the per-IP throttle stays out of these tests.
  const ip = () => `192.0.2.${++ipCounter}`;
  const requestReset = (email: string, remoteAddress = ip()) =>
    p.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress });
  const confirm = (token: string, password: string) =>
    p.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password },
      remoteAddress: ip(),
    });
  const outbox = async (): Promise<Mail[]> => {
    const res = await p.app.inject({ url: '/api/dev/outbox', headers: operator });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const latestTo = async (email: string): Promise<Mail> => (await outbox()).find((m) => m.to === email)!;
  const tokenIn = (mail: Mail) => /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.bodyText)![1]!;
  const loginStatus = async (email: string, password: string) =>
    (
      await p.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
        remoteAddress: ip(),
      })
    ).statusCode;

  it('answers 202 for an unknown e-mail and sends nothing', async () => {
    const before = (await outbox()).length;
    const res = await requestReset('nobody@example.org');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({});
    expect((await outbox()).length).toBe(before);
  });

  it('mails a link in Russian with only the hash of its token stored', async () => {
    const res = await requestReset('resident@demo.zemstvo.ru');
    expect(res.statusCode).toBe(202);
    const mail = await latestTo('resident@demo.zemstvo.ru');
    expect(mail.subject).toBe('Земство: восстановление пароля');
    expect(mail.bodyText).toContain('Здравствуйте, Елена Жителева!');
    expect(mail.bodyText).toContain(`${p.config.publicUrl}/reset-password?token=`);
    expect(mail.bodyText).toContain('60 минут');
    expect(mail.sentAt).toBeNull();
    const token = tokenIn(mail);
    const stored = await p.db.query<{ token_hash: string; expires_at: Date; created_at: Date }>(
      'SELECT token_hash, expires_at, created_at FROM password_resets WHERE token_hash = $1',
      [sha256Hex(token)],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.expires_at.getTime() - stored[0]!.created_at.getTime()).toBe(RESET_LINK_TTL_MS);
    expect(await p.db.query('SELECT 1 FROM password_resets WHERE token_hash = $1', [token])).toEqual([]);
  });

  it('writes the letter in English for a user who chose English', async () => {
    const s = await p.loginAs('resident2@demo.zemstvo.ru');
    const put = await p.app.inject({
      method: 'PUT',
      url: '/api/auth/me/locale',
      payload: { locale: 'en' },
      headers: s.headers,
    });
    expect(put.statusCode).toBe(204);
    expect((await requestReset('resident2@demo.zemstvo.ru')).statusCode).toBe(202);
    const mail = await latestTo('resident2@demo.zemstvo.ru');
    expect(mail.subject).toBe('Zemstvo: reset your password');
    expect(mail.bodyText).toContain('Hello, Николай Горожанин!');
    expect(mail.bodyText).toContain('60 minutes');
  });

  it('sets the new password once, ends every session and lifts a lock-out', async () => {
    const email = 'approver@zarechny.demo.zemstvo.ru';
    const session = await p.loginAs(email);
    for (let i = 0; i < 5; i++) await loginStatus(email, `wrong-${i}`);
    expect(await loginStatus(email, DEMO_PASSWORD)).toBe(423);

    await requestReset(email);
    const token = tokenIn(await latestTo(email));
    const ok = await confirm(token, 'brand new password 42');
    expect(ok.statusCode).toBe(204);

    const me = await p.app.inject({ url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect(await loginStatus(email, DEMO_PASSWORD)).toBe(401);
    expect(await loginStatus(email, 'brand new password 42')).toBe(200);

    const again = await confirm(token, 'yet another password 43');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_reset_token');

    const audit = await p.db.query<{ action: string }>(
      `SELECT a.action FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE u.email = $1 ORDER BY a.seq`,
      [email],
    );
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('user.password_reset_requested');
    expect(actions).toContain('user.password_reset');
  });

  it('lets a link expire after an hour', async () => {
    await requestReset('registrar@sosnovka.demo.zemstvo.ru');
    const token = tokenIn(await latestTo('registrar@sosnovka.demo.zemstvo.ru'));
    clock.advance(RESET_LINK_TTL_MS + 1000);
    const res = await confirm(token, 'too late for this one');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_reset_token');
  });

  it('supersedes an older link with a newer one', async () => {
    const email = 'head@sosnovka.demo.zemstvo.ru';
    await requestReset(email);
    const first = tokenIn(await latestTo(email));
    clock.advance(1000);
    await requestReset(email);
    const second = tokenIn(await latestTo(email));
    expect(second).not.toBe(first);
    expect((await confirm(first, 'first link password')).json().error.code).toBe('invalid_reset_token');
    expect((await confirm(second, 'second link password')).statusCode).toBe(204);
  });

  it('keeps the link usable when the new password breaks the policy', async () => {
    const email = 'executor@sosnovka.demo.zemstvo.ru';
    await requestReset(email);
    const token = tokenIn(await latestTo(email));
    const weak = await confirm(token, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    expect((await confirm(token, 'a proper long password')).statusCode).toBe(204);
  });

  it('refuses unknown tokens and invalid input with the error shape', async () => {
    const unknown = await confirm('not-a-real-token', 'whatever password 1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('invalid_reset_token');
    const invalid = await p.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { mail: 'x' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('validation_failed');
  });

  it('throttles reset letters per account, whatever the IP', async () => {
    const email = 'analyst@zarechny.demo.zemstvo.ru';
    for (let i = 0; i < 5; i++) expect((await requestReset(email)).statusCode).toBe(202);
    const limited = await requestReset(email);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await outbox()).filter((m) => m.to === email)).toHaveLength(5);
  });

  it('throttles reset requests per IP', async () => {
    const addr = '203.0.113.50';
    for (let i = 0; i < 60; i++)
      expect((await requestReset(`someone${i}@example.org`, addr)).statusCode).toBe(202);
    const limited = await requestReset('someone-else@example.org', addr);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('shows the outbox to platform operators only', async () => {
    expect((await p.app.inject({ url: '/api/dev/outbox' })).json().error.code).toBe('unauthenticated');
    const resident = await p.loginAs('resident@demo.zemstvo.ru');
    const res = await p.app.inject({ url: '/api/dev/outbox', headers: resident.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const staff = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    expect((await p.app.inject({ url: '/api/dev/outbox', headers: staff.headers })).statusCode).toBe(403);
  });

  it('without SMTP the mail.send job leaves mail in the outbox', async () => {
    const ran = await p.worker.drain();
    expect(ran).toBeGreaterThan(0);
    const jobs = await p.db.query<{ pending: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE done_at IS NULL AND failed_at IS NULL)::int AS pending,
         count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed FROM jobs WHERE kind = 'mail.send'`,
    );
    expect(jobs[0]).toEqual({ pending: 0, failed: 0 });
    expect((await outbox()).every((m) => m.sentAt === null)).toBe(true);
  });
});
