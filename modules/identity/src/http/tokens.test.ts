import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, sha256Hex } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing/index';

interface CreatedToken {
  id: string;
  token: string;
  prefix: string;
  permissions: string[];
  owner: { email: string };
  expiresAt: string | null;
}

describe('API tokens', () => {
  const clock = new ManualClock(new Date());
  let p: TestPlatform;
  let admin: TestSession;
  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
  });
  afterAll(async () => p.close());

  const create = (session: TestSession, body: Record<string, unknown>, slug = 'zarechny') =>
    p.app.inject({ method: 'POST', url: `/api/m/${slug}/tokens`, payload: body, headers: session.headers });
  const issue = async (permissions: string[], extra: Record<string, unknown> = {}): Promise<CreatedToken> => {
    const res = await create(admin, { name: 'integration', permissions, ...extra });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('issues a token once, stores only its hash, and lists it without the secret', async () => {
    const res = await create(admin, { name: 'Портал открытых данных', permissions: ['member.view'] });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t.token).toMatch(/^zt_[A-Za-z0-9_-]{43}$/);
    expect(t.prefix).toBe(t.token.slice(0, 9));
    // Scopes are expanded with what they depend on.
    expect(t.permissions).toEqual(['department.view', 'member.view', 'municipality.view']);
    expect(t.owner.email).toBe('admin@zarechny.demo.zemstvo.ru');
    expect(t.expiresAt).toBeNull();

    const stored = await p.db.query<{ token_hash: string; prefix: string }>(
      'SELECT token_hash, prefix FROM api_tokens WHERE id = $1',
      [t.id],
    );
    expect(stored[0]!.token_hash).toBe(sha256Hex(t.token));
    const list = await p.app.inject({ url: '/api/m/zarechny/tokens', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === t.id);
    expect(item).toMatchObject({ name: 'Портал открытых данных', prefix: t.prefix, revokedAt: null });
    expect(list.body).not.toContain(t.token);
    expect(list.body).not.toContain(stored[0]!.token_hash);
  });

  it('authenticates a machine client within its scopes, without a CSRF header', async () => {
    const t = await issue(['member.view', 'department.manage']);
    const members = await p.app.inject({ url: '/api/m/zarechny/members', headers: bearer(t.token) });
    expect(members.statusCode).toBe(200);
    const card = await p.app.inject({ url: '/api/m/zarechny', headers: bearer(t.token) });
    expect(card.json().abilities).toEqual(t.permissions);

    const created = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/departments',
      headers: bearer(t.token),
      payload: { nameRu: 'Отдел интеграций', nameEn: 'Integrations' },
    });
    expect(created.statusCode).toBe(201);
    // The audit names the token's owner.
    const audit = await p.db.query<{ actor: string }>(
      `SELECT actor FROM audit_log WHERE action = 'department.created' AND entity_id = $1`,
      [created.json().id],
    );
    expect(audit[0]!.actor).toBe('admin@zarechny.demo.zemstvo.ru');
    const used = await p.db.query<{ last_used_at: Date | null }>(
      'SELECT last_used_at FROM api_tokens WHERE id = $1',
      [t.id],
    );
    expect(used[0]!.last_used_at).toEqual(clock.now());
  });

  it('never acts beyond its scopes', async () => {
    const t = await issue(['department.view']);
    const members = await p.app.inject({ url: '/api/m/zarechny/members', headers: bearer(t.token) });
    expect(members.statusCode).toBe(403);
    expect(members.json().error.code).toBe('forbidden');
    const post = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/departments',
      headers: bearer(t.token),
      payload: { nameRu: 'Нельзя', nameEn: 'Not allowed' },
    });
    expect(post.statusCode).toBe(403);
  });

  it('acts only in its own municipality', async () => {
    const t = await issue(['department.view']);
    const other = await p.app.inject({ url: '/api/m/sosnovka/departments', headers: bearer(t.token) });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('token_wrong_municipality');
    // Outside municipality routes a token may read (who am I) but not change anything.
    const me = await p.app.inject({ url: '/api/auth/me', headers: bearer(t.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'admin@zarechny.demo.zemstvo.ru' }, csrfToken: null });
    const locale = await p.app.inject({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: bearer(t.token),
      payload: { locale: 'en' },
    });
    expect(locale.statusCode).toBe(403);
    expect(locale.json().error.code).toBe('token_not_allowed');
  });

  it('answers 401 invalid_token for an unknown, revoked or expired token', async () => {
    const expectInvalid = async (value: string) => {
      const res = await p.app.inject({
        url: '/api/m/zarechny/departments',
        headers: { authorization: `Bearer ${value}` },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_token');
    };
    await expectInvalid('garbage');
    await expectInvalid(`zt_${'A'.repeat(43)}`);
    // Even on a public route a bad token is refused, not silently anonymous.
    const pub = await p.app.inject({ url: '/api/municipalities', headers: bearer('zt_nope') });
    expect(pub.statusCode).toBe(401);

    const revoked = await issue(['department.view']);
    expect(
      (await p.app.inject({ url: '/api/m/zarechny/departments', headers: bearer(revoked.token) })).statusCode,
    ).toBe(200);
    const del = await p.app.inject({
      method: 'DELETE',
      url: `/api/m/zarechny/tokens/${revoked.id}`,
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(204);
    await expectInvalid(revoked.token);
    // Revoking twice is harmless.
    expect(
      (
        await p.app.inject({
          method: 'DELETE',
          url: `/api/m/zarechny/tokens/${revoked.id}`,
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(204);

    const expiring = await issue(['department.view'], {
      expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect(
      (await p.app.inject({ url: '/api/m/zarechny/departments', headers: bearer(expiring.token) }))
        .statusCode,
    ).toBe(200);
    clock.advance(3_600_000);
    await expectInvalid(expiring.token);
  });

  it('limits scopes to what the creator holds, and validates the request', async () => {
    // Give the registrar token.manage through a new role; the registrar cannot manage departments.
    const role = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/roles',
      headers: admin.headers,
      payload: {
        key: 'integrator',
        nameRu: 'Интегратор',
        nameEn: 'Integrator',
        permissions: ['token.manage'],
      },
    });
    expect(role.statusCode).toBe(201);
    const members = (await p.app.inject({ url: '/api/m/zarechny/members', headers: admin.headers })).json()
      .items as {
      userId: string;
      email: string;
    }[];
    const registrarId = members.find((m) => m.email === 'registrar@zarechny.demo.zemstvo.ru')!.userId;
    const roles = await p.app.inject({
      method: 'PUT',
      url: `/api/m/zarechny/members/${registrarId}/roles`,
      headers: admin.headers,
      payload: { roleKeys: ['registrar', 'integrator'] },
    });
    expect(roles.statusCode).toBe(200);
    const registrar = await p.loginAs('registrar@zarechny.demo.zemstvo.ru');

    const beyond = await create(registrar, { name: 'too much', permissions: ['department.manage'] });
    expect(beyond.statusCode).toBe(403);
    expect(beyond.json().error).toMatchObject({
      code: 'scope_exceeds_abilities',
      details: { permissions: ['department.manage'] },
    });
    expect((await create(registrar, { name: 'fine', permissions: ['member.view'] })).statusCode).toBe(201);

    const unknown = await create(admin, { name: 'x', permissions: ['appeal.fly'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unknown_permission');
    const past = await create(admin, {
      name: 'x',
      permissions: ['member.view'],
      expiresAt: '2000-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('bad_expiry');
    const empty = await create(admin, { name: '', permissions: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('validation_failed');
  });

  it('is managed only in a signed-in session, never with a token', async () => {
    const t = await issue(['token.manage']);
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/m/zarechny/tokens',
      headers: bearer(t.token),
      payload: { name: 'child', permissions: ['municipality.view'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('session_required');
    const del = await p.app.inject({
      method: 'DELETE',
      url: `/api/m/zarechny/tokens/${t.id}`,
      headers: bearer(t.token),
    });
    expect(del.json().error.code).toBe('session_required');
  });

  it('needs token.manage, and keeps each municipality to its own tokens', async () => {
    const t = await issue(['department.view']);
    expect((await p.app.inject({ url: '/api/m/zarechny/tokens' })).statusCode).toBe(401);
    const executor = await p.loginAs('executor@zarechny.demo.zemstvo.ru');
    expect(
      (await p.app.inject({ url: '/api/m/zarechny/tokens', headers: executor.headers })).statusCode,
    ).toBe(403);
    const resident = await p.loginAs('resident@demo.zemstvo.ru');
    expect((await create(resident, { name: 'x', permissions: ['municipality.view'] })).statusCode).toBe(403);

    const sosnovka = await p.loginAs('admin@sosnovka.demo.zemstvo.ru');
    const theirs = await p.app.inject({ url: '/api/m/sosnovka/tokens', headers: sosnovka.headers });
    expect(theirs.json().items).toEqual([]);
    const cross = await p.app.inject({
      method: 'DELETE',
      url: `/api/m/sosnovka/tokens/${t.id}`,
      headers: sosnovka.headers,
    });
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.code).toBe('token_not_found');
    expect(
      (
        await p.app.inject({
          method: 'DELETE',
          url: `/api/m/zarechny/tokens/${t.id}`,
          headers: sosnovka.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await p.app.inject({ url: '/api/m/zarechny/departments', headers: bearer(t.token) })).statusCode,
    ).toBe(200);

    // A platform operator may do everything, but a token belongs to a member of the municipality.
    const operator = await p.loginAs('operator@demo.zemstvo.ru');
    const op = await create(operator, { name: 'x', permissions: ['municipality.view'] });
    expect(op.statusCode).toBe(403);
    expect(op.json().error.code).toBe('not_a_member');
  });

  it('audits issue and revocation in the municipality chain, without secrets', async () => {
    const t = await issue(['municipality.view']);
    await p.app.inject({ method: 'DELETE', url: `/api/m/zarechny/tokens/${t.id}`, headers: admin.headers });
    const res = await p.app.inject({ url: '/api/m/zarechny/audit?limit=200', headers: admin.headers });
    const records = (
      res.json().items as {
        action: string;
        entityId: string;
        after: { prefix: string; revokedAt: string | null };
      }[]
    ).filter((r) => r.entityId === t.id);
    expect(records.map((r) => r.action).sort()).toEqual(['token.created', 'token.revoked']);
    expect(records.find((r) => r.action === 'token.revoked')!.after.revokedAt).not.toBeNull();
    expect(JSON.stringify(records)).not.toContain(t.token);
    expect(JSON.stringify(records)).not.toContain(sha256Hex(t.token));
    const verify = await p.app.inject({ url: '/api/m/zarechny/audit/verify', headers: admin.headers });
    expect(verify.json().ok).toBe(true);
  });
});
