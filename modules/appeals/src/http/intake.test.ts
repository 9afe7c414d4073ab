import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadline, fz59, russianProductionCalendar, WorkingCalendar } from '@zemstvo/calendar';
import { ManualClock } from '@zemstvo/kernel';
import { createTestPlatform, type TestPlatform, type TestSession } from '@zemstvo/server/testing';
import { appealBody, postAppeal, reportBody } from '../test/factories.ts';

describe('appeal intake (POST /api/m/:m/appeals)', () => {
  let p: TestPlatform;
  let resident: TestSession;
  const clock = new ManualClock('2026-03-06T09:00:00Z'); // a Friday before the 9 March holiday

  beforeAll(async () => {
    p = await createTestPlatform({ clock });
    resident = await p.loginAs('resident@demo.zemstvo.ru');
  });
  afterAll(async () => p.close());

  const row = async (id: string) =>
    (
      await p.db.query<{
        status: string;
        stage: string;
        registration_due: string;
        deadline_rule: string;
        source_channel: string;
        applicant_user_id: string | null;
        kind: string;
        doc_status: string;
        due: string;
      }>(
        `SELECT a.status, a.stage, to_char(a.registration_due, 'YYYY-MM-DD') AS registration_due, a.deadline_rule, a.source_channel,
           a.applicant_user_id, d.kind, d.status AS doc_status, to_char(d.due_date, 'YYYY-MM-DD') AS due
         FROM appeals a JOIN documents d ON d.municipality_id = a.municipality_id AND d.id = a.document_id WHERE a.document_id = $1`,
        [id],
      )
    )[0]!;

  it('files a resident’s appeal: the incoming document and the appeal in one go, with the registration deadline (Art. 8 p.2)', async () => {
    const res = await postAppeal(p, 'zarechny', appealBody(), resident.headers);
    expect(res.statusCode).toBe(201);
    const { appeal, created } = res.json();
    expect(created).toBe(true);
    expect(appeal).toMatchObject({
      municipality: 'zarechny',
      service: 'appeals-59fz',
      status: 'received',
      stage: 'receipt',
    });
    // 6 March + 3 days = 9 March, a holiday (moved from 8 March, a Sunday): the previous working day.
    const expected = computeDeadline(
      fz59.registration,
      '2026-03-06',
      new WorkingCalendar(russianProductionCalendar),
    ).due;
    expect(appeal.registrationDue).toBe(expected);
    expect(expected).toBe('2026-03-06');
    const r = await row(appeal.id);
    expect(r).toMatchObject({
      status: 'received',
      kind: 'appeal',
      doc_status: 'received',
      deadline_rule: 'fz59.registration',
      source_channel: 'web',
      due: expected,
    });
    expect(r.applicant_user_id).not.toBeNull();
    const audit = await p.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'appeal.submitted' AND entity_id = $1`,
      [appeal.id],
    );
    expect(audit).toHaveLength(1);
    const history = await p.db.query<{ type: string }>(
      `SELECT type FROM document_events WHERE document_id = $1`,
      [appeal.id],
    );
    expect(history.map((h) => h.type)).toEqual(['received']);
  });

  it('is idempotent with Idempotency-Key: the same body gives the same appeal, another body a 409', async () => {
    const headers = { ...resident.headers, 'idempotency-key': 'retry-key-0001' };
    const first = await postAppeal(p, 'zarechny', appealBody(), headers);
    const again = await postAppeal(
      p,
      'zarechny',
      { ...appealBody(), fields: { ...appealBody().fields } },
      headers,
    );
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().appeal.id).toBe(first.json().appeal.id);
    expect(again.json().created).toBe(false);
    const other = await postAppeal(p, 'zarechny', appealBody({}, { text: 'Другой текст' }), headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_conflict');
    const n = await p.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appeals WHERE idempotency_key LIKE '%retry-key-0001'`,
    );
    expect(n[0]!.n).toBe(1);
    // Another caller's key is another request.
    const resident2 = await p.loginAs('resident2@demo.zemstvo.ru');
    const theirs = await postAppeal(p, 'zarechny', appealBody(), {
      ...resident2.headers,
      'idempotency-key': 'retry-key-0001',
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().appeal.id).not.toBe(first.json().appeal.id);
    const bad = await postAppeal(p, 'zarechny', appealBody(), {
      ...resident.headers,
      'idempotency-key': 'short',
    });
    expect(bad.json().error.code).toBe('bad_idempotency_key');
  });

  it('two retries racing with the same key still make one appeal', async () => {
    const headers = { ...resident.headers, 'idempotency-key': 'race-key-000002' };
    const [a, b] = await Promise.all([
      postAppeal(p, 'zarechny', appealBody(), headers),
      postAppeal(p, 'zarechny', appealBody(), headers),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().appeal.id).toBe(b.json().appeal.id);
  });

  it('validates against the package’s intake form and classifier', async () => {
    const missing = await postAppeal(
      p,
      'zarechny',
      appealBody({}, { last_name: '', email: 'nope' }),
      resident.headers,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'invalid_form' });
    expect(
      missing.json().error.details.map((d: { field: string; problem: string }) => `${d.field}:${d.problem}`),
    ).toEqual(['last_name:required', 'email:format']);
    const long = await postAppeal(
      p,
      'zarechny',
      appealBody({}, { text: 'я'.repeat(20_001) }),
      resident.headers,
    );
    expect(long.json().error.details[0]).toMatchObject({ field: 'text', problem: 'too_long' });
    const unknown = await postAppeal(p, 'zarechny', appealBody({}, { nickname: 'x' }), resident.headers);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'nickname', problem: 'unknown_field' });
    expect(
      (await postAppeal(p, 'zarechny', appealBody({ category: 'space' }), resident.headers)).json().error
        .code,
    ).toBe('unknown_category');
    expect(
      (await postAppeal(p, 'zarechny', appealBody({ theme: 'pothole' }), resident.headers)).json().error.code,
    ).toBe('unknown_theme');
    const noService = await postAppeal(
      p,
      'zarechny',
      appealBody({ service: 'nope-service' }),
      resident.headers,
    );
    expect([noService.statusCode, noService.json().error.code]).toEqual([404, 'service_not_found']);
    const noPoint = await postAppeal(
      p,
      'zarechny',
      reportBody({}, { location: { lat: 95, lon: 0 } }),
      resident.headers,
    );
    expect(noPoint.json().error.details[0]).toMatchObject({ field: 'location', problem: 'format' });
  });

  it('files a map report with its point, public by default (the package’s visibility)', async () => {
    const res = await postAppeal(p, 'zarechny', reportBody(), resident.headers);
    expect(res.statusCode).toBe(201);
    expect(res.json().appeal.isPublic).toBe(true);
    const hidden = await postAppeal(p, 'zarechny', reportBody({ isPublic: false }), resident.headers);
    expect(hidden.json().appeal.isPublic).toBe(false);
    const [a] = await p.db.query<{ lat: number; lon: number }>(
      'SELECT lat, lon FROM appeals WHERE document_id = $1',
      [res.json().appeal.id],
    );
    expect(a).toEqual({ lat: 56.81, lon: 61.32 });
    // A private package never publishes.
    const appeal = await postAppeal(p, 'zarechny', appealBody({ isPublic: true }), resident.headers);
    expect(appeal.json().appeal.isPublic).toBe(false);
  });

  it('takes anonymous appeals only where the service allows it, throttled per IP', async () => {
    const anon = await postAppeal(p, 'zarechny', appealBody(), {}, '198.51.100.1');
    expect(anon.statusCode).toBe(201); // appeals-59fz: allow_anonymous_web = true by default
    const [r] = await p.db.query<{ applicant_user_id: string | null }>(
      'SELECT applicant_user_id FROM appeals WHERE document_id = $1',
      [anon.json().appeal.id],
    );
    expect(r!.applicant_user_id).toBeNull();
    const report = await postAppeal(p, 'zarechny', reportBody(), {}, '198.51.100.1');
    expect([report.statusCode, report.json().error.code]).toEqual([401, 'anonymous_not_allowed']);

    const ip = '198.51.100.99';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (await postAppeal(p, 'zarechny', appealBody({}, { text: `Обращение ${i}` }), {}, ip)).statusCode,
      );
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    const limited = await postAppeal(p, 'zarechny', appealBody(), {}, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Signed-in residents are not throttled by it; the window passes.
    expect((await postAppeal(p, 'zarechny', appealBody(), resident.headers, ip)).statusCode).toBe(201);
    clock.advance(11 * 60_000);
    expect((await postAppeal(p, 'zarechny', appealBody(), {}, ip)).statusCode).toBe(201);
  });

  it('accepts an API token with appeal.submit (channel api), refuses one without it', async () => {
    const admin = await p.loginAs('admin@zarechny.demo.zemstvo.ru');
    const token = async (permissions: string[]) => {
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/m/zarechny/tokens',
        headers: admin.headers,
        payload: { name: 'Intake', permissions },
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ token: string }>().token;
    };
    const withScope = await token(['appeal.submit']);
    const res = await postAppeal(p, 'zarechny', appealBody(), { authorization: `Bearer ${withScope}` });
    expect(res.statusCode).toBe(201);
    const r = await row(res.json().appeal.id);
    expect(r).toMatchObject({ source_channel: 'api', applicant_user_id: null });
    const without = await token(['department.view']);
    const refused = await postAppeal(p, 'zarechny', appealBody(), { authorization: `Bearer ${without}` });
    expect(refused.statusCode).toBe(403);
    // A zarechny token does nothing in sosnovka.
    const elsewhere = await postAppeal(p, 'sosnovka', appealBody(), { authorization: `Bearer ${withScope}` });
    expect(elsewhere.statusCode).toBe(403);
  });
});
